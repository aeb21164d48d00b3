#!/bin/sh
# Test credential plugin: fails like a plugin whose login has expired.
echo "fetching credentials..." >&2
echo "error: you must be logged in (run: corpus-login --refresh)" >&2
exit 3
