"""tagprint: tagged, screen-reader-friendly PDFs (PDF/UA-1) from YAML layouts and content."""

__version__ = "0.1.0"
