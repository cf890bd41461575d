"""Finance pages, one module per part: funds (and their requests), postings (the forms that
post movements), scenarios, bids, money by project and funding source, and a project's funding
panel. urls.py names each view by its module."""
