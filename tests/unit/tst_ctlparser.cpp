// tenantryctl's one parser and command table: global flags anywhere (kubectl's rule), every
// command's --help lists every flag it accepts, pflag's spellings, unknown flags refused.
#include "ctl/commandargs.h"
#include "ctl/commandtable.h"
#include "ctl/contextfanout.h"

#include <QtTest>

using namespace ctl;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Splits like main() and parses with the command's spec; `error` gets the parser's message.
bool parseLine(const Args &argv, CommandArgs &out, std::string &command, std::string &error)
{
    Args rest;
    if (!CommandTable::split(argv, command, rest)) {
        error = "no command";
        return false;
    }
    const Command *c = CommandTable::find(command);
    if (!c) {
        error = "unknown command";
        return false;
    }
    return out.parse(rest, c->spec, error);
}

} // namespace

class tst_CtlParser : public QObject
{
    Q_OBJECT
private slots:
    void globalFlagsBeforeTheCommand();
    void globalFlagsAfterTheCommand();
    void pflagSpellings_data();
    void pflagSpellings();
    void repeatableFlags();
    void switchValues();
    void unknownFlagIsAnError();
    void flagNeedsItsValue();
    void doubleDashEndsFlags();
    void everyCommandHasHelpListingEveryFlag();
    void helpNamesTheUndocumentedFlags();
    void aliasesFindTheirCommand();
    void unexpectedFlagForANoun();
    void contextsAndFanOut();
    void mergeTextPutsContextFirst();
    void exitCodesWithoutACluster();
};

void tst_CtlParser::globalFlagsBeforeTheCommand()
{
    // Given kubectl's order: global flags first
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine({"--kubeconfig", "/tmp/k", "--context=dev", "get", "workspaces"}, a, cmd, error), error.c_str());
    // Then the command is found after them and the flags still apply
    QCOMPARE(qs(cmd), QStringLiteral("get"));
    QCOMPARE(a.positional().size(), size_t(1));
    QCOMPARE(qs(a.positional()[0]), QStringLiteral("workspaces"));
    QCOMPARE(qs(a.value("--kubeconfig")), QStringLiteral("/tmp/k"));
    QCOMPARE(qs(a.globalFlags().context), QStringLiteral("dev"));
}

void tst_CtlParser::globalFlagsAfterTheCommand()
{
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine({"-n", "ns1", "can-i", "get", "pods", "--kubeconfig", "k", "--as", "alice"}, a, cmd, error),
             error.c_str());
    QCOMPARE(qs(cmd), QStringLiteral("can-i"));
    QCOMPARE(a.positional(), (std::vector<std::string>{"get", "pods"}));
    QCOMPARE(qs(a.value("--namespace")), QStringLiteral("ns1"));
    QCOMPARE(qs(a.value("--as")), QStringLiteral("alice"));
}

void tst_CtlParser::pflagSpellings_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::newRow("-n v") << QStringList{"get", "pods", "-n", "x"};
    QTest::newRow("-nv") << QStringList{"get", "pods", "-nx"};
    QTest::newRow("-n=v") << QStringList{"get", "pods", "-n=x"};
    QTest::newRow("--namespace v") << QStringList{"get", "pods", "--namespace", "x"};
    QTest::newRow("--namespace=v") << QStringList{"get", "pods", "--namespace=x"};
    QTest::newRow("before the command") << QStringList{"-n", "x", "get", "pods"};
}

void tst_CtlParser::pflagSpellings()
{
    QFETCH(QStringList, argv);
    Args args;
    for (const auto &a : argv)
        args.push_back(a.toStdString());
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine(args, a, cmd, error), error.c_str());
    QCOMPARE(qs(a.value("--namespace")), QStringLiteral("x"));
    QCOMPARE(a.positional(), (std::vector<std::string>{"pods"}));
}

void tst_CtlParser::repeatableFlags()
{
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine({"matrix", "--as", "u", "--as-group", "g1", "--as-group=g2", "--context", "a", "--context", "b"},
                       a, cmd, error),
             error.c_str());
    QCOMPARE(a.values("--as-group"), (std::vector<std::string>{"g1", "g2"}));
    QCOMPARE(a.contexts(), (std::vector<std::string>{"a", "b"}));
    // A copy for one context keeps everything else
    const CommandArgs one = a.withContext("b");
    QCOMPARE(one.contexts(), (std::vector<std::string>{"b"}));
    QCOMPARE(one.values("--as-group").size(), size_t(2));
}

void tst_CtlParser::switchValues()
{
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine({"create", "workspace", "w", "--dry-run=server", "--network-isolation=false", "-y"}, a, cmd, error),
             error.c_str());
    QVERIFY(a.dryRun());
    QVERIFY(a.yes());
    QVERIFY(a.has("--network-isolation"));
    QVERIFY(!a.on("--network-isolation"));
    CommandArgs b;
    QVERIFY(!parseLine({"create", "workspace", "w", "--network-isolation=maybe"}, b, cmd, error));
    QVERIFY2(qs(error).contains("maybe"), error.c_str());
}

void tst_CtlParser::unknownFlagIsAnError()
{
    CommandArgs a;
    std::string cmd, error;
    QVERIFY(!parseLine({"who-can", "get", "pods", "--frobnicate"}, a, cmd, error));
    QCOMPARE(qs(error), QStringLiteral("unknown flag: --frobnicate"));
    CommandArgs b;
    QVERIFY(!parseLine({"tree", "-z"}, b, cmd, error));
    QVERIFY2(qs(error).startsWith("unknown shorthand flag: 'z'"), error.c_str());
    // A write flag is not a read command's flag
    CommandArgs c;
    QVERIFY(!parseLine({"tree", "--yes"}, c, cmd, error));
}

void tst_CtlParser::flagNeedsItsValue()
{
    CommandArgs a;
    std::string cmd, error;
    QVERIFY(!parseLine({"can-i", "get", "pods", "--as"}, a, cmd, error));
    QCOMPARE(qs(error), QStringLiteral("flag needs an argument: --as"));
}

void tst_CtlParser::doubleDashEndsFlags()
{
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine({"get", "pods", "--", "-weird-name"}, a, cmd, error), error.c_str());
    QCOMPARE(a.positional(), (std::vector<std::string>{"pods", "-weird-name"}));
}

void tst_CtlParser::everyCommandHasHelpListingEveryFlag()
{
    for (const auto &c : CommandTable::commands()) {
        // Given a command's --help
        CommandArgs a;
        std::string error;
        QVERIFY2(a.parse({"--help"}, c.spec, error), (c.spec.name + ": " + error).c_str());
        QVERIFY2(a.help(), c.spec.name.c_str());
        const std::string help = c.spec.helpText();
        // Then every flag it accepts is in it, with its shorthand
        std::vector<FlagSpec> all = c.spec.flags;
        all.insert(all.end(), CommandSpec::globalFlags().begin(), CommandSpec::globalFlags().end());
        if (c.spec.kind == CommandKind::Write)
            all.insert(all.end(), CommandSpec::writeFlags().begin(), CommandSpec::writeFlags().end());
        for (const auto &f : all) {
            QVERIFY2(help.find(f.name) != std::string::npos, (c.spec.name + " --help lacks " + f.name).c_str());
            QVERIFY2(!f.help.empty(), (c.spec.name + " " + f.name + " has no help").c_str());
            if (f.shorthand)
                QVERIFY2(help.find(std::string("-") + f.shorthand + ", " + f.name) != std::string::npos,
                         (c.spec.name + " --help lacks -" + f.shorthand).c_str());
        }
        QVERIFY2(!c.spec.synopsis.empty(), c.spec.name.c_str());
        // And the overview names it
        QVERIFY2(CommandTable::overview().find("  " + c.spec.name + " ") != std::string::npos, c.spec.name.c_str());
    }
}

void tst_CtlParser::helpNamesTheUndocumentedFlags()
{
    // The flags the issue found undocumented are in their command's help now.
    const auto help = [](const char *name) { return qs(CommandTable::find(name)->spec.helpText()); };
    QVERIFY(help("matrix").contains("--as-group"));
    QVERIFY(help("matrix").contains("--all "));
    QVERIFY(help("matrix").contains("--sample"));
    QVERIFY(help("matrix").contains("--subjects"));
    QVERIFY(help("can-i").contains("exit 3"));
    QVERIFY(help("can-i").contains("--subresource"));
    QVERIFY(help("can-i").contains("--list"));
    QVERIFY(help("who-can").contains("--subresource"));
}

void tst_CtlParser::aliasesFindTheirCommand()
{
    QVERIFY(CommandTable::find("members"));
    QCOMPARE(qs(CommandTable::find("members")->spec.name), QStringLiteral("member"));
    QVERIFY(!CommandTable::find("frobnicate"));
}

void tst_CtlParser::unexpectedFlagForANoun()
{
    // `create` takes --manager (workspaces) and --email (users); each noun checks its own.
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine({"create", "user", "bob", "--manager", "x", "--dry-run", "--context", "c"}, a, cmd, error),
             error.c_str());
    QCOMPARE(qs(a.unexpectedFlag({"--email"})), QStringLiteral("--manager"));
    QCOMPARE(qs(a.unexpectedFlag({"--manager"})), QString());
}

void tst_CtlParser::contextsAndFanOut()
{
    CommandArgs a;
    std::string cmd, error;
    QVERIFY2(parseLine({"--all-contexts", "get", "workspaces"}, a, cmd, error), error.c_str());
    QVERIFY(a.allContexts());
    QVERIFY(!a.withContext("x").allContexts());
    QCOMPARE(CommandTable::find("get")->spec.kind, CommandKind::Read);
    QCOMPARE(CommandTable::find("create")->spec.kind, CommandKind::Write);
}

void tst_CtlParser::mergeTextPutsContextFirst()
{
    // Given two contexts printing the same table header
    const std::string merged = ContextFanOut::mergeText(
        {"dev", "production"}, {"NAME   MANAGER\nws1    alice\n", "NAME   MANAGER\nws9    bob\nws10   carol\n"});
    // Then the header appears once with CONTEXT, and every row starts with its context
    QCOMPARE(qs(merged), QStringLiteral("CONTEXT      NAME   MANAGER\n"
                                        "dev          ws1    alice\n"
                                        "production   ws9    bob\n"
                                        "production   ws10   carol\n"));
    // Text that is not a table (can-i's yes/no) is prefixed line by line
    QCOMPARE(qs(ContextFanOut::mergeText({"a", "b"}, {"yes\n", "no\n"})),
             QStringLiteral("a         yes\nb         no\n"));
}

void tst_CtlParser::exitCodesWithoutACluster()
{
    // Help and usage errors are decided before any connection: 0 for help, 2 for misuse.
    QCOMPARE(CommandTable::run({"can-i", "--help"}), 0);
    QCOMPARE(CommandTable::run({"--kubeconfig", "/nonexistent", "matrix", "--help"}), 0);
    QCOMPARE(CommandTable::run({"help", "who-can"}), 0);
    QCOMPARE(CommandTable::run({"help", "frobnicate"}), 2);
    QCOMPARE(CommandTable::run({"frobnicate"}), 2);
    QCOMPARE(CommandTable::run({}), 2);
    QCOMPARE(CommandTable::run({"--help"}), 0);
    QCOMPARE(CommandTable::run({"who-can", "get", "pods", "--bogus"}), 2);
    // A write runs against one context only
    QCOMPARE(CommandTable::run({"create", "workspace", "w", "--context", "a", "--context", "b"}), 2);
    QCOMPARE(CommandTable::run({"repair", "--all-contexts"}), 2);
    // kubectl's argument rules for can-i, checked before connecting
    QCOMPARE(CommandTable::run({"can-i", "get", "pods", "web", "--kubeconfig", "/nonexistent"}), 2);
    QCOMPARE(CommandTable::run({"can-i", "--list", "get", "--kubeconfig", "/nonexistent"}), 2);
    QCOMPARE(CommandTable::run({"can-i", "--list", "-q", "--kubeconfig", "/nonexistent"}), 2);
    // A kubeconfig that does not exist is a failure (1), not a usage error
    QCOMPARE(CommandTable::run({"can-i", "get", "pods", "--kubeconfig", "/nonexistent"}), 1);
}

QTEST_GUILESS_MAIN(tst_CtlParser)
#include "tst_ctlparser.moc"
