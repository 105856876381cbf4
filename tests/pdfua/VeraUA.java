// Checks PDFs against veraPDF's PDF/UA-1 profile. One JVM for many files.
// Run as a single source file:  java -cp CLASSPATH tests/pdfua/VeraUA.java a.pdf b.pdf ...
// Prints per file:  "FILE<TAB>passed=N<TAB>failed=M", then one line per failed check:
// "  <clause>-<test><TAB><message>". Exit code 0 when every file passes, 1 otherwise.
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public class VeraUA {
    public static void main(String[] args) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        PDFAFlavour flavour = PDFAFlavour.byFlavourId("ua1");
        boolean allPass = true;
        for (String path : args) {
            try (InputStream in = new FileInputStream(new File(path));
                 PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour)) {
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
                ValidationResult result = validator.validate(parser);
                Map<String, String> failed = new LinkedHashMap<>();
                int failedCount = 0;
                for (TestAssertion a : result.getTestAssertions()) {
                    if (a.getStatus() != TestAssertion.Status.PASSED) {
                        failedCount++;
                        String id = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                        failed.putIfAbsent(id, a.getMessage().replace('\n', ' '));
                    }
                }
                int total = result.getTotalAssertions();
                System.out.println(path + "\tpassed=" + (total - failedCount) + "\tfailed=" + failedCount);
                for (Map.Entry<String, String> e : failed.entrySet()) {
                    System.out.println("  " + e.getKey() + "\t" + e.getValue());
                }
                allPass &= result.isCompliant() && failedCount == 0;
            }
        }
        System.exit(allPass ? 0 : 1);
    }
}
