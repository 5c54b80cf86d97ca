"""Search: what the index gets beside the page text, Finnish morphology, and Pagefind runs."""
