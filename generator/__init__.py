"""career-brochure: occupation profiles in, print-ready career brochures out."""

__version__ = "0.1.0"
