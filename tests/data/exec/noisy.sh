#!/bin/sh
# Test credential plugin: a long debug log on stderr, then the real error last, then failure.
i=0
while [ $i -lt 300 ]; do
    echo "debug: step $i of a very chatty credential helper" >&2
    i=$((i + 1))
done
echo "FATAL: the corpus account is locked" >&2
exit 1
