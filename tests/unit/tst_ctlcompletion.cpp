// tenantryctl's generated shell completion and manual page: the scripts run in a real bash and a
// real zsh (completion functions called as the shells call them) and complete what the command
// table says; the man page names every command and flag and renders without groff warnings.
#include "ctl/commandtable.h"
#include "ctl/manpage.h"
#include "ctl/shellcompletion.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace ctl;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Runs `shell -c driver SCRIPT WORDS...` and returns its stdout lines; a missing shell fails.
QStringList runShell(const QString &shell, const QString &driver, const QString &script, const QStringList &words,
                     QString *error)
{
    const QString program = QStandardPaths::findExecutable(shell);
    if (program.isEmpty()) {
        *error = shell + " not found on PATH (scripts/bootstrap installs it)";
        return {};
    }
    QProcess p;
    p.start(program, QStringList{QStringLiteral("-c"), driver, script} + words);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = shell + " failed: " + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// bash calls a -F function with COMP_WORDS split at COMP_WORDBREAKS ("=" its own word) and
// COMP_CWORD on the word being completed; it shows COMPREPLY.
const char *kBashDriver = R"(source "$0" || exit 9
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
_tenantryctl || exit 8
(( ${#COMPREPLY[@]} )) && printf '%s\n' "${COMPREPLY[@]}"
exit 0)";

// zsh calls the function with $words and $CURRENT set; compadd, _describe, _files and _message
// are the completion system's builtins and functions: here they print what they were given.
const char *kZshDriver = R"(compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }
_describe() { local -a items; items=("${(@P)${@[-1]}}"); print -rl -- "${items[@]%%:*}"; }
_files() { print -r -- "<files $*>"; }
_message() { print -r -- "<message>"; }
compset() { :; }
compdef() { :; }
source "$0" || exit 9
words=("$@"); CURRENT=$#
_tenantryctl
exit 0)";

} // namespace

class tst_CtlCompletion : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void nounsAndValuesFromTheTable();
    void bash_data();
    void bash();
    void bashOffersEveryFlagOfEveryCommand();
    void zsh_data();
    void zsh();
    void zshOffersEveryCommandAndFlag();
    void unknownShellIsAUsageError();
    void manPageNamesEveryCommandAndFlag();
    void manPageRendersWithoutWarnings();

private:
    QStringList complete(const QString &shell, const QStringList &words);
    QTemporaryDir m_dir;
    QString m_bash, m_zsh;
};

void tst_CtlCompletion::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_bash = m_dir.filePath(QStringLiteral("tenantryctl.bash"));
    m_zsh = m_dir.filePath(QStringLiteral("_tenantryctl"));
    for (const auto &[path, text] : {std::pair{m_bash, ShellCompletion::script("bash")}, {m_zsh, ShellCompletion::script("zsh")}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(text));
    }
}

QStringList tst_CtlCompletion::complete(const QString &shell, const QStringList &words)
{
    QString error;
    const QStringList out = shell == QLatin1String("bash") ? runShell(shell, QLatin1String(kBashDriver), m_bash, words, &error)
                                                           : runShell(shell, QLatin1String(kZshDriver), m_zsh, words, &error);
    if (!error.isEmpty())
        qWarning().noquote() << error;
    return error.isEmpty() ? out : QStringList{QStringLiteral("<error>")};
}

void tst_CtlCompletion::nounsAndValuesFromTheTable()
{
    // The nouns come from the synopsis: "get workspaces|projects|users ...", "get roles|members ..."
    QCOMPARE(ShellCompletion::nouns("get"), (std::vector<std::string>{"workspaces", "projects", "users", "roles", "members"}));
    QCOMPARE(ShellCompletion::nouns("member"), (std::vector<std::string>{"add", "set", "remove"}));
    QCOMPARE(ShellCompletion::nouns("completion"), (std::vector<std::string>{"bash", "zsh"}));
    // "can-i VERB ..." has no literal noun
    QVERIFY(ShellCompletion::nouns("can-i").empty());
    QVERIFY(ShellCompletion::nouns("no-such-command").empty());
    // A value flag's candidates: listed words, paths, or free text
    QCOMPARE(ShellCompletion::valueCandidates("--mode", "kubesphere|standalone"),
             (std::vector<std::string>{"kubesphere", "standalone"}));
    QCOMPARE(ShellCompletion::valueCandidates("--kubeconfig", "FILE"), std::vector<std::string>{"@files"});
    QCOMPARE(ShellCompletion::valueCandidates("--cache-dir", "DIR"), std::vector<std::string>{"@dirs"});
    QVERIFY(ShellCompletion::valueCandidates("--as", "USER").empty());
    QVERIFY(ShellCompletion::valueCandidates("--requests", "cpu=..,memory=..").empty());
}

void tst_CtlCompletion::bash_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("exact");
    const auto w = [](const char *line) { return QString::fromLatin1(line).split(QLatin1Char(' ')); };
    QTest::newRow("commands") << w("tenantryctl ") << QStringList{"get", "can-i", "version", "completion", "help"} << false;
    QTest::newRow("prefix") << w("tenantryctl com") << QStringList{"completion"} << true;
    QTest::newRow("nouns") << w("tenantryctl get ") << QStringList{"workspaces", "projects", "users", "roles", "members"} << true;
    QTest::newRow("no noun after the noun") << w("tenantryctl get workspaces ") << QStringList{} << true;
    QTest::newRow("alias") << w("tenantryctl members ") << QStringList{"add", "set", "remove"} << true;
    QTest::newRow("output values") << w("tenantryctl get -o ") << QStringList{"table", "wide", "json", "yaml", "name"} << true;
    QTest::newRow("global flags before the command")
        << w("tenantryctl --context prod -n p1 get --output ") << QStringList{"table", "wide", "json", "yaml", "name"} << true;
    QTest::newRow("flag=value") << w("tenantryctl get --output = ya") << QStringList{"yaml"} << true;
    QTest::newRow("own flag") << w("tenantryctl can-i --li") << QStringList{"--list"} << true;
    QTest::newRow("write flag") << w("tenantryctl create --dr") << QStringList{"--dry-run"} << true;
    QTest::newRow("no write flag on a read") << w("tenantryctl get --dr") << QStringList{} << true;
    QTest::newRow("global value") << w("tenantryctl --mode ") << QStringList{"kubesphere", "standalone"} << true;
    QTest::newRow("free text value") << w("tenantryctl can-i --as ") << QStringList{} << true;
    QTest::newRow("help topic") << w("tenantryctl help can") << QStringList{"can-i", "can-reach"} << true;
    QTest::newRow("top-level flags") << w("tenantryctl --vers") << QStringList{"--version"} << true;
}

void tst_CtlCompletion::bash()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    QFETCH(bool, exact);
    const QStringList got = complete(QStringLiteral("bash"), words);
    if (exact) {
        QCOMPARE(got, expected);
        return;
    }
    for (const QString &e : expected)
        QVERIFY2(got.contains(e), qPrintable(e + " not in " + got.join(' ')));
}

void tst_CtlCompletion::bashOffersEveryFlagOfEveryCommand()
{
    for (const auto &c : CommandTable::commands()) {
        // Given "tenantryctl COMMAND --<TAB>"
        const QStringList got = complete(QStringLiteral("bash"), {"tenantryctl", qs(c.spec.name), "--"});
        // Then every long flag the command accepts is offered
        std::vector<FlagSpec> all = c.spec.flags;
        all.insert(all.end(), CommandSpec::globalFlags().begin(), CommandSpec::globalFlags().end());
        if (c.spec.kind == CommandKind::Write)
            all.insert(all.end(), CommandSpec::writeFlags().begin(), CommandSpec::writeFlags().end());
        for (const auto &f : all)
            QVERIFY2(got.contains(qs(f.name)), qPrintable(qs(c.spec.name + " " + f.name) + " not offered"));
    }
}

void tst_CtlCompletion::zsh_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("expected");
    const auto w = [](const char *line) { return QString::fromLatin1(line).split(QLatin1Char(' ')); };
    QTest::newRow("nouns") << w("tenantryctl get ") << QStringList{"workspaces", "projects", "users", "roles", "members"};
    QTest::newRow("alias") << w("tenantryctl members ") << QStringList{"add", "set", "remove"};
    QTest::newRow("output values") << w("tenantryctl --context prod get -o ") << QStringList{"table", "wide", "json", "yaml", "name"};
    QTest::newRow("flag=value") << w("tenantryctl get --output=ya") << QStringList{"table", "wide", "json", "yaml", "name"};
    QTest::newRow("file value") << w("tenantryctl --kubeconfig ") << QStringList{"<files >"};
    QTest::newRow("dir value") << w("tenantryctl get --cache-dir ") << QStringList{"<files -/>"};
    QTest::newRow("free text value") << w("tenantryctl can-i --as ") << QStringList{"<message>"};
    QTest::newRow("no noun after the noun") << w("tenantryctl get workspaces ") << QStringList{};
}

void tst_CtlCompletion::zsh()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, expected);
    QCOMPARE(complete(QStringLiteral("zsh"), words), expected);
}

void tst_CtlCompletion::zshOffersEveryCommandAndFlag()
{
    // Given "tenantryctl <TAB>": every command (and help)
    const QStringList commands = complete(QStringLiteral("zsh"), {"tenantryctl", ""});
    QVERIFY(commands.contains(QStringLiteral("help")));
    for (const auto &c : CommandTable::commands()) {
        QVERIFY2(commands.contains(qs(c.spec.name)), qPrintable(qs(c.spec.name) + " not offered"));
        // And "tenantryctl COMMAND -<TAB>": every flag, shorthands too
        const QStringList flags = complete(QStringLiteral("zsh"), {"tenantryctl", qs(c.spec.name), "-"});
        for (const auto &f : c.spec.flags) {
            QVERIFY2(flags.contains(qs(f.name)), qPrintable(qs(c.spec.name + " " + f.name) + " not offered"));
            if (f.shorthand)
                QVERIFY2(flags.contains(QStringLiteral("-") + QChar::fromLatin1(f.shorthand)), qPrintable(qs(c.spec.name + " " + f.name)));
        }
    }
}

void tst_CtlCompletion::unknownShellIsAUsageError()
{
    QVERIFY(ShellCompletion::script("fish").empty());
    // Through the command table, as a user types it
    QCOMPARE(CommandTable::run({"completion", "fish"}), 2);
    QCOMPARE(CommandTable::run({"completion"}), 2);
}

void tst_CtlCompletion::manPageNamesEveryCommandAndFlag()
{
    const QString page = qs(ManPage::troff("9.8.7"));
    QVERIFY(page.startsWith(QStringLiteral(".\\\"")));
    QVERIFY(page.contains(QStringLiteral(".TH TENANTRYCTL 1 \"\" \"tenantryctl 9.8.7\"")));
    const auto troffName = [](const std::string &flag) { return qs(flag).replace(QLatin1Char('-'), QStringLiteral("\\-")); };
    for (const auto &c : CommandTable::commands()) {
        QVERIFY2(page.contains(QStringLiteral("\n.SS ") + qs(c.spec.name) + '\n'), c.spec.name.c_str());
        for (const auto &s : c.spec.synopsis)
            QVERIFY2(page.contains(QStringLiteral("tenantryctl ") + qs(ManPage::escape(s))), s.c_str());
        for (const auto &f : c.spec.flags)
            QVERIFY2(page.contains(QStringLiteral("\\fB") + troffName(f.name) + QStringLiteral("\\fR")),
                     (c.spec.name + " " + f.name).c_str());
    }
    for (const auto &f : CommandSpec::globalFlags())
        QVERIFY2(page.contains(troffName(f.name)), f.name.c_str());
    for (const auto &f : CommandSpec::writeFlags())
        QVERIFY2(page.contains(troffName(f.name)), f.name.c_str());
    // Text that would read as a troff request is neutralised
    QCOMPARE(ManPage::escape(".hidden"), std::string("\\&.hidden"));
    QCOMPARE(ManPage::escape("a\\b"), std::string("a\\eb"));
}

void tst_CtlCompletion::manPageRendersWithoutWarnings()
{
    const QString groff = QStandardPaths::findExecutable(QStringLiteral("groff"));
    QVERIFY2(!groff.isEmpty(), "groff not found on PATH (package groff-base, which man-db needs)");
    // groff -ww: every warning; -z: no output, only the diagnostics
    QProcess p;
    p.start(groff, {"-man", "-Tutf8", "-ww", "-z"});
    QVERIFY(p.waitForStarted());
    p.write(QByteArray::fromStdString(ManPage::troff("1.0")));
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(p.readAllStandardError()), QString());
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_CtlCompletion)
#include "tst_ctlcompletion.moc"
