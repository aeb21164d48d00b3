// tenantryctl: the command-line twin of the tenantry desktop app.
// Everything but main() is in tenantryctl_lib, so tests can drive the commands' logic.
#include "commandtable.h"

int main(int argc, char **argv)
{
    return ctl::CommandTable::run(ctl::Args(argv + 1, argv + argc));
}
