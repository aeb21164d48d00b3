// tenantryctl's --rule / --non-resource-rule text: every field, the core group, "*" and
// subresources kept literally, strict errors that name the problem, and the round trip.
#include "kubeclient/kubesphere/ruleparser.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;
using namespace kube::tenancy;

class tst_CtlArgs : public QObject
{
    Q_OBJECT
private slots:
    void parsesEveryField();
    void emptyGroupSpellings_data();
    void emptyGroupSpellings();
    void keepsStarAndSubresources();
    void nonResourceRule();
    void keyAliasesAndSpacing();
    void errors_data();
    void errors();
    void kindIsEnforced();
    void roundTrip_data();
    void roundTrip();
};

void tst_CtlArgs::parsesEveryField()
{
    // Given a rule with every resource field
    auto r = parseRule("verbs=get,list;apiGroups=,apps;resources=pods,deployments;resourceNames=x,y");
    // Then each becomes a list, in the order written, the core group as ""
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    const json expected = {{"verbs", {"get", "list"}},
                           {"apiGroups", {"", "apps"}},
                           {"resources", {"pods", "deployments"}},
                           {"resourceNames", {"x", "y"}}};
    QCOMPARE(QString::fromStdString(r->dump()), QString::fromStdString(expected.dump()));
}

void tst_CtlArgs::emptyGroupSpellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("groups");
    QTest::newRow("empty value") << "verbs=get;resources=pods;apiGroups=" << "[\"\"]";
    QTest::newRow("single quotes") << "verbs=get;resources=pods;apiGroups=''" << "[\"\"]";
    QTest::newRow("double quotes") << "verbs=get;resources=pods;apiGroups=\"\"" << "[\"\"]";
    QTest::newRow("leading empty item") << "verbs=get;resources=pods;apiGroups=,apps" << "[\"\",\"apps\"]";
    QTest::newRow("trailing empty item") << "verbs=get;resources=pods;apiGroups=apps," << "[\"apps\",\"\"]";
    QTest::newRow("quoted named group") << "verbs=get;resources=pods;apiGroups='apps'" << "[\"apps\"]";
}

void tst_CtlArgs::emptyGroupSpellings()
{
    QFETCH(QString, text);
    QFETCH(QString, groups);
    auto r = parseRule(text.toStdString());
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(QString::fromStdString((*r)["apiGroups"].dump()), groups);
}

void tst_CtlArgs::keepsStarAndSubresources()
{
    // "*" must never be expanded into a verb list: a wildcard keeps covering verbs added later.
    auto r = parseRule("verbs=*;apiGroups=*;resources=pods/log,pods/exec,deployments/scale,*");
    QVERIFY(r);
    QCOMPARE(QString::fromStdString((*r)["verbs"].dump()), QStringLiteral("[\"*\"]"));
    QCOMPARE(QString::fromStdString((*r)["apiGroups"].dump()), QStringLiteral("[\"*\"]"));
    QCOMPARE(QString::fromStdString((*r)["resources"].dump()),
             QStringLiteral("[\"pods/log\",\"pods/exec\",\"deployments/scale\",\"*\"]"));
}

void tst_CtlArgs::nonResourceRule()
{
    auto r = parseRule("verbs=get,post;urls=/healthz,/metrics/*", RuleKind::NonResource);
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    QCOMPARE(QString::fromStdString(r->dump()),
             QStringLiteral("{\"nonResourceURLs\":[\"/healthz\",\"/metrics/*\"],\"verbs\":[\"get\",\"post\"]}"));
    auto star = parseRule("verbs=*;nonResourceURLs=*", RuleKind::NonResource);
    QVERIFY(star);
}

void tst_CtlArgs::keyAliasesAndSpacing()
{
    // Given key spellings people type (singular, lower case, short) and spaces around separators
    auto r = parseRule(" verb = get , watch ; group = apps ; resource = deployments ; names = web ; ");
    QVERIFY2(r, r ? "" : r.error().message.c_str());
    const json expected = {{"verbs", {"get", "watch"}},
                           {"apiGroups", {"apps"}},
                           {"resources", {"deployments"}},
                           {"resourceNames", {"web"}}};
    QCOMPARE(QString::fromStdString(r->dump()), QString::fromStdString(expected.dump()));
    // Duplicates inside one list are dropped, order kept.
    auto d = parseRule("verbs=get,list,get;apiGroups=;resources=pods");
    QVERIFY(d);
    QCOMPARE(QString::fromStdString((*d)["verbs"].dump()), QStringLiteral("[\"get\",\"list\"]"));
}

void tst_CtlArgs::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no verbs") << "apiGroups=;resources=pods" << "verbs are required";
    QTest::newRow("no resources") << "verbs=get;apiGroups=" << "resources are required";
    QTest::newRow("no groups") << "verbs=get;resources=pods" << "apiGroups are required";
    QTest::newRow("unknown key") << "verbs=get;apiGroup=;resources=pods;namespace=x" << "unknown key \"namespace\"";
    QTest::newRow("not key=value") << "verbs=get;pods" << "\"pods\" is not key=value";
    QTest::newRow("twice") << "verbs=get;verbs=list;apiGroups=;resources=pods" << "verbs is given twice";
    QTest::newRow("empty verb") << "verbs=get,;apiGroups=;resources=pods" << "empty value in verbs";
    QTest::newRow("empty resource") << "verbs=get;apiGroups=;resources=''" << "only apiGroups may name";
    QTest::newRow("mixed") << "verbs=get;apiGroups=;resources=pods;urls=/healthz" << "not both";
    QTest::newRow("relative url") << "verbs=get;urls=healthz" << "must start with /";
    QTest::newRow("space inside") << "verbs=get list;apiGroups=;resources=pods" << "contains a space";
}

void tst_CtlArgs::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    auto r = parseRule(text.toStdString());
    QVERIFY2(!r, qPrintable("accepted: " + text));
    QCOMPARE(r.error().kind, kube::ErrorKind::Invalid);
    QVERIFY2(QString::fromStdString(r.error().message).contains(mentions), r.error().message.c_str());
    // The message quotes the whole rule so the user sees which --rule failed.
    QVERIFY(QString::fromStdString(r.error().message).contains(text));
}

void tst_CtlArgs::kindIsEnforced()
{
    auto urlsAsResource = parseRule("verbs=get;urls=/healthz", RuleKind::Resource);
    QVERIFY(!urlsAsResource);
    QVERIFY(QString::fromStdString(urlsAsResource.error().message).contains("--non-resource-rule"));
    auto resourceAsUrls = parseRule("verbs=get;apiGroups=;resources=pods", RuleKind::NonResource);
    QVERIFY(!resourceAsUrls);
    QVERIFY(QString::fromStdString(resourceAsUrls.error().message).contains("urls="));
}

void tst_CtlArgs::roundTrip_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("core and apps") << "{\"apiGroups\":[\"\",\"apps\"],\"resources\":[\"pods\",\"pods/log\"],\"verbs\":[\"get\",\"list\"]}";
    QTest::newRow("names") << "{\"apiGroups\":[\"\"],\"resourceNames\":[\"a\",\"b\"],\"resources\":[\"configmaps\"],\"verbs\":[\"update\"]}";
    QTest::newRow("stars") << "{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}";
    QTest::newRow("urls") << "{\"nonResourceURLs\":[\"/healthz\",\"/livez\"],\"verbs\":[\"get\"]}";
}

void tst_CtlArgs::roundTrip()
{
    QFETCH(QString, rule);
    const json original = json::parse(rule.toStdString());
    const std::string text = formatRule(original);
    auto back = parseRule(text);
    QVERIFY2(back, back ? "" : back.error().message.c_str());
    QCOMPARE(QString::fromStdString(back->dump()), QString::fromStdString(original.dump()));
}

QTEST_GUILESS_MAIN(tst_CtlArgs)
#include "tst_ctlargs.moc"
