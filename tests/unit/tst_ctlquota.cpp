// tenantryctl quota / limits arguments: the verbs, exactly one of -w / -n, KEY=QUANTITY lists
// (repeated or comma-separated), the limits flags by type, and usage errors that say what to give.
#include "ctl/commandargs.h"
#include "ctl/commandtable.h"
#include "ctl/quotacommands.h"

#include <QtTest>

using namespace ctl;
using kube::tenancy::QuotaLevel;

namespace {

// The command line as main() splits it, parsed by the command's own spec, then as quota/limits.
std::optional<QuotaCommand> parse(const Args &argv, std::string &error)
{
    std::string command;
    Args rest;
    if (!CommandTable::split(argv, command, rest)) {
        error = "no command";
        return std::nullopt;
    }
    const Command *c = CommandTable::find(command);
    if (!c) {
        error = "unknown command";
        return std::nullopt;
    }
    CommandArgs args;
    if (!args.parse(rest, c->spec, error))
        return std::nullopt;
    return parseQuotaCommand(args, c->spec.name == "limits", error);
}

} // namespace

class tst_CtlQuota : public QObject
{
    Q_OBJECT
private slots:
    void quotaSet();
    void quotaGetAndRemove();
    void limitsSet();
    void usageErrors_data();
    void usageErrors();
    void helpListsTheFlags();
};

void tst_CtlQuota::quotaSet()
{
    std::string error;
    auto c = parse({"quota", "set", "-w", "ws1", "limits.cpu=20", "pods=200,services=10", "--dry-run"}, error);
    QVERIFY2(c, error.c_str());
    QCOMPARE(int(c->verb), int(QuotaCommand::Verb::Set));
    QCOMPARE(int(c->level), int(QuotaLevel::Workspace));
    QCOMPARE(c->target, std::string("ws1"));
    QCOMPARE(c->set.size(), size_t(3));
    QCOMPARE(c->set[0].key, std::string("limits.cpu"));
    QCOMPARE(c->set[0].quantity, std::string("20"));
    QCOMPARE(c->set[2].key, std::string("services"));
    QCOMPARE(c->set[2].quantity, std::string("10"));

    // The global -n anywhere; a bad quantity is the planner's to name, not a usage error
    auto p = parse({"-n", "proj1", "quota", "set", "requests.cpu=lots"}, error);
    QVERIFY2(p, error.c_str());
    QCOMPARE(int(p->level), int(QuotaLevel::Project));
    QCOMPARE(p->target, std::string("proj1"));
    QCOMPARE(p->set[0].quantity, std::string("lots"));
    // "=" inside the quantity stays there; a negative one is passed on
    auto n = parse({"quota", "set", "-n", "p", "pods=-1"}, error);
    QVERIFY(n);
    QCOMPARE(n->set[0].quantity, std::string("-1"));
}

void tst_CtlQuota::quotaGetAndRemove()
{
    std::string error;
    auto g = parse({"quota", "get", "-n", "p1", "-o", "json"}, error);
    QVERIFY2(g, error.c_str());
    QCOMPARE(int(g->verb), int(QuotaCommand::Verb::Get));
    auto whole = parse({"quota", "remove", "-w", "ws1", "--yes"}, error);
    QVERIFY2(whole, error.c_str());
    QVERIFY(whole->keys.empty());
    auto keys = parse({"quotas", "rm", "-n", "p1", "pods", "limits.cpu"}, error);
    QVERIFY2(keys, error.c_str());
    QCOMPARE(int(keys->verb), int(QuotaCommand::Verb::Remove));
    QCOMPARE(keys->keys, (std::vector<std::string>{"pods", "limits.cpu"}));
    auto limits = parse({"limits", "remove", "-n", "p1"}, error);
    QVERIFY2(limits, error.c_str());
    QVERIFY(limits->limits);
}

void tst_CtlQuota::limitsSet()
{
    std::string error;
    auto c = parse({"limits", "set", "-n", "p1", "--default", "cpu=500m,memory=512Mi", "--default-request", "cpu=100m",
                    "--max", "cpu=2", "--min", "memory=64Mi"},
                   error);
    QVERIFY2(c, error.c_str());
    QCOMPARE(c->limitsSpec.project, std::string("p1"));
    QCOMPARE(c->limitsSpec.type, std::string("Container"));
    QCOMPARE(c->limitsSpec.entries.size(), size_t(2));
    const auto &cpu = c->limitsSpec.entries[0];
    QCOMPARE(cpu.resource, std::string("cpu"));
    QCOMPARE(cpu.defaultLimit, std::string("500m"));
    QCOMPARE(cpu.defaultRequest, std::string("100m"));
    QCOMPARE(cpu.max, std::string("2"));
    QVERIFY(cpu.min.empty());
    const auto &memory = c->limitsSpec.entries[1];
    QCOMPARE(memory.defaultLimit, std::string("512Mi"));
    QCOMPARE(memory.min, std::string("64Mi"));

    auto pod = parse({"limits", "set", "-n", "p1", "--type", "Pod", "--max", "cpu=4"}, error);
    QVERIFY2(pod, error.c_str());
    QCOMPARE(pod->limitsSpec.type, std::string("Pod"));
}

void tst_CtlQuota::usageErrors_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("message");
    QTest::newRow("no verb") << QStringList{"quota", "-n", "p"} << "quota needs get, set or remove";
    QTest::newRow("no scope") << QStringList{"quota", "get"} << "exactly one of -w WS";
    QTest::newRow("both scopes") << QStringList{"quota", "get", "-w", "a", "-n", "b"} << "exactly one of -w WS";
    QTest::newRow("nothing to set") << QStringList{"quota", "set", "-n", "p"} << "needs KEY=QUANTITY";
    QTest::newRow("no equals") << QStringList{"quota", "set", "-n", "p", "cpu"} << "\"cpu\": expected KEY=QUANTITY";
    QTest::newRow("no key") << QStringList{"quota", "set", "-n", "p", "=4"} << "expected KEY=QUANTITY";
    QTest::newRow("get with args") << QStringList{"quota", "get", "-n", "p", "pods"} << "quota get takes no arguments";
    QTest::newRow("limit flags on quota") << QStringList{"quota", "set", "-n", "p", "pods=1", "--max", "cpu=1"}
                                          << "unknown flag: --max";
    QTest::newRow("limits of a workspace") << QStringList{"limits", "get", "-w", "ws"} << "unknown shorthand flag: 'w'";
    QTest::newRow("limits without -n") << QStringList{"limits", "set", "--max", "cpu=1"} << "limits set needs -n NS";
    QTest::newRow("limits without figures") << QStringList{"limits", "set", "-n", "p"} << "needs at least one of --default";
    QTest::newRow("limits bad type") << QStringList{"limits", "set", "-n", "p", "--type", "Node", "--max", "cpu=1"}
                                     << "--type must be Container or Pod";
    QTest::newRow("limits empty quantity") << QStringList{"limits", "set", "-n", "p", "--max", "cpu="}
                                           << "--max cpu=: a quantity is required";
    QTest::newRow("limits positional") << QStringList{"limits", "set", "-n", "p", "cpu=1"} << "takes flags, not arguments";
    QTest::newRow("limits remove figures") << QStringList{"limits", "remove", "-n", "p", "--max", "cpu=1"}
                                           << "takes no figures";
}

void tst_CtlQuota::usageErrors()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, message);
    Args args;
    for (const auto &a : argv)
        args.push_back(a.toStdString());
    std::string error;
    auto c = parse(args, error);
    QVERIFY(!c);
    QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
}

void tst_CtlQuota::helpListsTheFlags()
{
    const Command *q = CommandTable::find("quota");
    QVERIFY(q);
    const std::string help = q->spec.helpText();
    for (const char *f : {"--workspace", "--namespace", "--output", "--dry-run", "--yes"})
        QVERIFY2(help.find(f) != std::string::npos, f);
    const Command *l = CommandTable::find("limits");
    QVERIFY(l);
    for (const char *f : {"--default", "--default-request", "--min", "--max", "--type"})
        QVERIFY2(l->spec.helpText().find(f) != std::string::npos, f);
}

QTEST_GUILESS_MAIN(tst_CtlQuota)
#include "tst_ctlquota.moc"
