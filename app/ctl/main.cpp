// tenantryctl: the command-line twin of the tenantry desktop app.
#include <cstdio>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: tenantryctl COMMAND ...\n");
        return 2;
    }
    std::fprintf(stderr, "tenantryctl: unknown command '%s'\n", argv[1]);
    return 2;
}
