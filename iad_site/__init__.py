"""The project frame: settings, URLs and the plumbing every app shares (dates, publishing, language links)."""
