"""The data subject's requests (access, rectification, withdrawal of consent,
objection, erasure) and what the retention policy keeps of a person once erased."""
