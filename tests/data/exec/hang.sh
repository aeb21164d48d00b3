#!/bin/sh
# Test credential plugin: never answers (a plugin waiting for a browser login). It starts a
# child so the test can check the whole process group is killed; the child's pid goes to
# $TENANTRY_EXEC_CHILD_PID when set.
sleep 300 &
if [ -n "$TENANTRY_EXEC_CHILD_PID" ]; then
    echo $! > "$TENANTRY_EXEC_CHILD_PID"
fi
echo "waiting for the browser login to complete..." >&2
wait
