#!/bin/sh
# Test credential plugin that is deliberately not executable (mode 644).
echo '{}'
