"""Reading, checking and writing pathway files (YAML); JSON Schema; Open Referral UK import and export."""
