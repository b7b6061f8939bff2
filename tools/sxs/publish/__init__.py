"""Publishing the built site: server configuration."""
