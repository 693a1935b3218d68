"""The WLanguage email library: sessions, messages, transports and the capture server (registered as built-ins on import)."""
