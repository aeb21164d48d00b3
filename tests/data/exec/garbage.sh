#!/bin/sh
# Test credential plugin: prints something that is not JSON, containing a secret-looking token
# that must never be echoed into an error message.
echo "Welcome! your token is corpus-secret-garbage-token, have a nice day"
