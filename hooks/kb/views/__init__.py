"""What each page shows: template contexts, record presentation, the overview and its charts."""
