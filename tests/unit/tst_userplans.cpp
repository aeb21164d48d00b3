// The user family's KubeSphere fidelity (issue 14, fact 6) against the in-memory fixtures:
// bcrypt hashes as KubeSphere's controller stores them (and as golang.org/x/crypto/bcrypt reads
// them), e-mails unique as KubeSphere's webhook wants them, the console's annotations, the
// platform role annotation, and status.lastTransitionTime on every change of state. The clear
// text never reaches a plan's YAML, summary, notes or errors.
#include "plannerfixture.h"

#include "kubeclient/core/objectmeta.h"
#include "kubeclient/kubesphere/labels.h"
#include "kubeclient/kubesphere/names.h"
#include "kubeclient/kubesphere/passwordhash.h"

#include <QtTest>

using namespace kube;
using namespace kube::tenancy;
using nlohmann::json;

namespace {

constexpr const char *kPassword = "Secret-123";
// 2024-05-06T07:08:09Z: every plan of these tests stamps this time.
const auto kFixedTime = std::chrono::system_clock::time_point(std::chrono::seconds(1714979289));
constexpr const char *kFixedText = "2024-05-06T07:08:09Z";

// The whole text a plan shows anywhere: YAML, summary (notes, warnings) and every reason.
std::string everythingShown(const Plan &plan)
{
    std::string text = plan.yaml() + plan.summary();
    for (const auto &w : plan.writes)
        text += w.describe() + w.reason;
    return text;
}

const PlannedWrite *userApply(const Plan &plan, const std::string &name)
{
    for (const auto &w : plan.writes)
        if (w.action == WriteAction::Apply && w.object.value("kind", "") == "User" && w.name == name)
            return &w;
    return nullptr;
}

struct Fixture {
    MemoryPlanReader reader;
    std::unique_ptr<Planner> planner;

    Fixture(ApiFlavor flavor, Mode mode)
        : reader(plannerfixture::load(flavor, mode))
        , planner(std::make_unique<Planner>(reader, plannerfixture::tenancy(flavor, mode), "admin"))
    {
        planner->setClock([] { return kFixedTime; });
    }
};

UserSpec carol(const std::string &password = kPassword)
{
    return {"carol", "carol@example.com", password, "Carol C", "Runs the night shift", "en"};
}

} // namespace

class tst_UserPlans : public QObject
{
    Q_OBJECT
private slots:
    void bcryptHashIsKubeSpheresShape();
    void hashesOfGoAndTheBcryptVectorsVerify();
    void bcryptRefusesWhatItWouldCut();
    void standaloneStoresTheHashNeverTheText_data();
    void standaloneStoresTheHashNeverTheText();
    void kubesphereModeLeavesHashingToTheController_data();
    void kubesphereModeLeavesHashingToTheController();
    void aGivenHashIsStoredAsItIs();
    void editKeepsTheStoredHashAndAnnotations();
    void editWithANewPasswordHashesItAgain();
    void duplicateEmailIsRefused_data();
    void duplicateEmailIsRefused();
    void emailOfNobodyElseIsAccepted();
    void consoleAnnotationsAndPlatformRole();
    void stateChangesStampTheirTime_data();
    void stateChangesStampTheirTime();
    void refusalsNeverRepeatThePassword();
};

void tst_UserPlans::bcryptHashIsKubeSpheresShape()
{
    // When a password is hashed at KubeSphere's cost
    auto hash = bcryptHash(kPassword);
    QVERIFY2(hash, hash ? "" : hash.error().describe().c_str());
    // Then it is a "$2b$10$" hash of 60 characters the User schema accepts, that verifies
    QVERIFY2(hash->rfind("$2b$10$", 0) == 0, hash->c_str());
    QCOMPARE(hash->size(), size_t(60));
    QVERIFY(isBcryptHash(*hash));
    QVERIFY(validatePassword(*hash));
    QCOMPARE(bcryptCost(*hash), 10);
    QVERIFY(bcryptMatches(kPassword, *hash));
    QVERIFY(!bcryptMatches("Secret-124", *hash));
    QVERIFY(!bcryptMatches("", *hash));
    // And each hash has its own salt
    auto again = bcryptHash(kPassword);
    QVERIFY(again);
    QVERIFY(*again != *hash);
    QVERIFY(bcryptMatches(kPassword, *again));
    // A cheaper cost is honoured
    auto cheap = bcryptHash(kPassword, 4);
    QVERIFY(cheap && cheap->rfind("$2b$04$", 0) == 0);
    // What is not bcrypt is not taken for it
    for (const char *notHash : {"", "Secret-123", "$2b$10$short", "$1$abcdefgh$0123456789012345678901",
                                "$2x$10$gxhTkJR.AxgIRTlhDdCpAOVOGv4PGHLGmn5d8yGqCHrVIVPAYplfi"}) {
        QVERIFY2(!isBcryptHash(notHash), notHash);
        QCOMPARE(bcryptCost(notHash), 0);
        QVERIFY(!bcryptMatches("Secret-123", notHash));
    }
}

void tst_UserPlans::hashesOfGoAndTheBcryptVectorsVerify()
{
    // A hash made by golang.org/x/crypto/bcrypt.GenerateFromPassword at DefaultCost, the call
    // KubeSphere's user controller makes ("$2a$"), verifies here: libxcrypt and Go agree.
    const std::string fromGo = "$2a$10$gxhTkJR.AxgIRTlhDdCpAOVOGv4PGHLGmn5d8yGqCHrVIVPAYplfi";
    QVERIFY(isBcryptHash(fromGo));
    QCOMPARE(bcryptCost(fromGo), 10);
    QVERIFY(bcryptMatches("Tenantry-2024", fromGo));
    QVERIFY(!bcryptMatches("Tenantry-2025", fromGo));
    // The classic bcrypt vector (OpenBSD / crypt_blowfish): "U*U" with 22 C's of salt at cost 5
    const std::string vector = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    QVERIFY(bcryptMatches("U*U", vector));
    QVERIFY(!bcryptMatches("U*U*", vector));
}

void tst_UserPlans::bcryptRefusesWhatItWouldCut()
{
    // bcrypt reads 72 bytes at most: a longer password is refused, not silently shortened
    const std::string longPassword(73, 'a');
    auto tooLong = bcryptHash(longPassword);
    QVERIFY(!tooLong);
    QCOMPARE(tooLong.error().kind, ErrorKind::Invalid);
    QVERIFY(tooLong.error().describe().find(longPassword) == std::string::npos);
    QVERIFY(bcryptHash(std::string(72, 'a')));
    auto withNul = bcryptHash(std::string("Secret\0-123", 11));
    QVERIFY(!withNul);
    auto badCost = bcryptHash(kPassword, 3);
    QVERIFY(!badCost);
    QVERIFY(badCost.error().describe().find(kPassword) == std::string::npos);
}

void tst_UserPlans::standaloneStoresTheHashNeverTheText_data()
{
    QTest::addColumn<int>("flavor");
    QTest::newRow("4.x") << int(ApiFlavor::V4);
    QTest::newRow("3.x") << int(ApiFlavor::V3);
}

void tst_UserPlans::standaloneStoresTheHashNeverTheText()
{
    QFETCH(int, flavor);
    // Given a standalone cluster (no controller would hash a clear text)
    Fixture f{ApiFlavor(flavor), Mode::Standalone};
    // When carol is created with a password
    auto plan = f.planner->createUser(carol(), "platform-regular");
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then what is applied is a bcrypt hash of it at KubeSphere's cost, not the text
    const PlannedWrite *user = userApply(*plan, "carol");
    QVERIFY(user);
    const std::string stored = user->object["spec"].value("password", "");
    QVERIFY2(isBcryptHash(stored), stored.c_str());
    QCOMPARE(bcryptCost(stored), kBcryptDefaultCost);
    QVERIFY(bcryptMatches(kPassword, stored));
    // stamped as the controller stamps a hashed password
    QCOMPARE(ObjectMeta(user->object).annotation(kLastPasswordChangeTimeAnnotation), std::string(kFixedText));
    // And neither the text nor the hash is shown anywhere in the plan
    const std::string shown = everythingShown(*plan);
    QVERIFY(shown.find(kPassword) == std::string::npos);
    QVERIFY(shown.find(stored) == std::string::npos);
    QVERIFY(shown.find("password: <redacted>") != std::string::npos);
    QVERIFY(plan->summary().find("bcrypt hash (cost 10)") != std::string::npos);
    // And the account is activated with the time of that transition
    bool activated = false;
    for (const auto &w : plan->writes)
        if (w.action == WriteAction::MergePatch && w.name == "carol") {
            QCOMPARE(w.object, json::parse(R"({"status":{"state":"Active","lastTransitionTime":"2024-05-06T07:08:09Z"}})"));
            activated = true;
        }
    QVERIFY(activated);
    // And once applied, the stored object holds the hash
    f.reader.applyPlan(*plan);
    auto live = f.reader.fetch(f.planner->tenancy().api.user, "", "carol");
    QVERIFY(live && *live);
    QCOMPARE((**live)["spec"].value("password", ""), stored);
    QCOMPARE((**live)["status"].value("state", ""), std::string("Active"));
}

void tst_UserPlans::kubesphereModeLeavesHashingToTheController_data()
{
    standaloneStoresTheHashNeverTheText_data();
}

void tst_UserPlans::kubesphereModeLeavesHashingToTheController()
{
    QFETCH(int, flavor);
    // Given KubeSphere's controllers run: its user controller hashes spec.password itself
    // (and stamps the change time), as for a password the console sends
    Fixture f{ApiFlavor(flavor), Mode::KubeSphere};
    auto plan = f.planner->createUser(carol());
    QVERIFY(plan);
    const PlannedWrite *user = userApply(*plan, "carol");
    QVERIFY(user);
    QCOMPARE(user->object["spec"].value("password", ""), std::string(kPassword));
    QVERIFY(ObjectMeta(user->object).annotation(kLastPasswordChangeTimeAnnotation).empty());
    QVERIFY(plan->summary().find("KubeSphere's user controller replaces the password") != std::string::npos);
    // And the plan shows it redacted only; no status write (the controller owns it)
    QVERIFY(everythingShown(*plan).find(kPassword) == std::string::npos);
    for (const auto &w : plan->writes)
        QVERIFY2(w.action != WriteAction::MergePatch, w.describe().c_str());
}

void tst_UserPlans::aGivenHashIsStoredAsItIs()
{
    // A password given already hashed (the schema accepts one) is stored as it is, in both
    // modes, as KubeSphere's controller leaves an encrypted value alone
    const std::string fromGo = "$2a$10$gxhTkJR.AxgIRTlhDdCpAOVOGv4PGHLGmn5d8yGqCHrVIVPAYplfi";
    for (Mode mode : {Mode::Standalone, Mode::KubeSphere}) {
        Fixture f(ApiFlavor::V4, mode);
        auto plan = f.planner->createUser(carol(fromGo));
        QVERIFY(plan);
        const PlannedWrite *user = userApply(*plan, "carol");
        QVERIFY(user);
        QCOMPARE(user->object["spec"].value("password", ""), fromGo);
        QVERIFY(ObjectMeta(user->object).annotation(kLastPasswordChangeTimeAnnotation).empty());
        QVERIFY(everythingShown(*plan).find(fromGo) == std::string::npos);
    }
}

void tst_UserPlans::editKeepsTheStoredHashAndAnnotations()
{
    // Given carol created in standalone mode with a password and a platform role
    Fixture f(ApiFlavor::V4, Mode::Standalone);
    auto created = f.planner->createUser(carol(), "platform-regular");
    QVERIFY(created);
    f.reader.applyPlan(*created);
    const std::string stored = userApply(*created, "carol")->object["spec"].value("password", "");
    // When she is edited without a new password (a later time on the clock)
    f.planner->setClock([] { return kFixedTime + std::chrono::hours(1); });
    UserSpec edit = carol("");
    edit.displayName = "Carol D";
    auto plan = f.planner->editUser(edit);
    QVERIFY2(plan, plan ? "" : plan.error().describe().c_str());
    // Then the apply writes the same hash and the annotations others keep back, unchanged
    const PlannedWrite *user = userApply(*plan, "carol");
    QVERIFY(user);
    QCOMPARE(user->object["spec"].value("password", ""), stored);
    const ObjectMeta meta(user->object);
    QCOMPARE(meta.annotation(kLastPasswordChangeTimeAnnotation), std::string(kFixedText));
    QCOMPARE(meta.annotation(kGlobalRoleAnnotation), std::string("platform-regular"));
    QCOMPARE(meta.annotation(kAliasAnnotation), std::string("Carol D"));
    QVERIFY(plan->summary().find("the password is unchanged") != std::string::npos);
    QVERIFY(everythingShown(*plan).find(stored) == std::string::npos);
}

void tst_UserPlans::editWithANewPasswordHashesItAgain()
{
    Fixture f(ApiFlavor::V4, Mode::Standalone);
    auto created = f.planner->createUser(carol());
    QVERIFY(created);
    f.reader.applyPlan(*created);
    f.planner->setClock([] { return kFixedTime + std::chrono::hours(1); });
    auto plan = f.planner->editUser(carol("Another-456"));
    QVERIFY(plan);
    const PlannedWrite *user = userApply(*plan, "carol");
    QVERIFY(user);
    const std::string stored = user->object["spec"].value("password", "");
    QVERIFY(bcryptMatches("Another-456", stored));
    QVERIFY(!bcryptMatches(kPassword, stored));
    QCOMPARE(ObjectMeta(user->object).annotation(kLastPasswordChangeTimeAnnotation), std::string("2024-05-06T08:08:09Z"));
    QVERIFY(everythingShown(*plan).find("Another-456") == std::string::npos);
}

void tst_UserPlans::duplicateEmailIsRefused_data()
{
    QTest::addColumn<int>("flavor");
    QTest::addColumn<int>("mode");
    QTest::newRow("4.x standalone") << int(ApiFlavor::V4) << int(Mode::Standalone);
    QTest::newRow("4.x kubesphere") << int(ApiFlavor::V4) << int(Mode::KubeSphere);
    QTest::newRow("3.x standalone") << int(ApiFlavor::V3) << int(Mode::Standalone);
    QTest::newRow("3.x kubesphere") << int(ApiFlavor::V3) << int(Mode::KubeSphere);
}

void tst_UserPlans::duplicateEmailIsRefused()
{
    QFETCH(int, flavor);
    QFETCH(int, mode);
    // Given alice (alice@example.com) and bob (bob@example.com) in the fixture
    Fixture f{ApiFlavor(flavor), Mode(mode)};
    // When carol is created with alice's e-mail, then it is refused naming the field and alice
    auto create = f.planner->createUser({"carol", "alice@example.com", kPassword, "", "", ""});
    QVERIFY(!create);
    QCOMPARE(create.error().kind, ErrorKind::Invalid);
    QCOMPARE(create.error().where, std::string("email"));
    QCOMPARE(create.error().message, std::string("email \"alice@example.com\" is already used by user \"alice\""));
    QVERIFY(create.error().describe().find(kPassword) == std::string::npos);
    // And bob may not take alice's e-mail on an edit either
    auto edit = f.planner->editUser({"bob", "alice@example.com", "", "", "", ""});
    QVERIFY(!edit);
    QCOMPARE(edit.error().where, std::string("email"));
    QCOMPARE(edit.error().message, std::string("email \"alice@example.com\" is already used by user \"alice\""));
}

void tst_UserPlans::emailOfNobodyElseIsAccepted()
{
    Fixture f(ApiFlavor::V4, Mode::Standalone);
    // An edit that keeps the user's own e-mail is no duplicate
    QVERIFY(f.planner->editUser({"bob", "bob@example.com", "", "Bob", "", ""}));
    // KubeSphere's webhook compares e-mails exactly: another spelling is another e-mail
    QVERIFY(f.planner->createUser({"carol", "Alice@Example.com", "", "", "", ""}));
    // And the rule itself: an empty e-mail and the user's own entry never count
    const std::vector<UserEmail> users = {{"alice", "a@example.com"}, {"bob", ""}};
    QVERIFY(validateEmailUnique("", "carol", users));
    QVERIFY(validateEmailUnique("a@example.com", "alice", users));
    QVERIFY(!validateEmailUnique("a@example.com", "carol", users));
}

void tst_UserPlans::consoleAnnotationsAndPlatformRole()
{
    for (Mode mode : {Mode::Standalone, Mode::KubeSphere}) {
        Fixture f(ApiFlavor::V4, mode);
        auto plan = f.planner->createUser(carol(), "platform-regular");
        QVERIFY(plan);
        const PlannedWrite *user = userApply(*plan, "carol");
        QVERIFY(user);
        const ObjectMeta meta(user->object);
        // Display name and description where the console reads them, the spec fields kept
        QCOMPARE(meta.annotation(kAliasAnnotation), std::string("Carol C"));
        QCOMPARE(meta.annotation(kDescriptionAnnotation), std::string("Runs the night shift"));
        QCOMPARE(user->object["spec"].value("displayName", ""), std::string("Carol C"));
        QCOMPARE(user->object["spec"].value("description", ""), std::string("Runs the night shift"));
        // The platform role the user is created with, as ks-apiserver reads and 4.x keeps it
        QCOMPARE(meta.annotation(kGlobalRoleAnnotation), std::string("platform-regular"));
        // Without a platform role there is no such annotation, and empty fields write none
        auto plain = f.planner->createUser({"dan", "dan@example.com", "", "", "", ""});
        QVERIFY(plain);
        const ObjectMeta plainMeta(userApply(*plain, "dan")->object);
        QVERIFY(plainMeta.annotation(kGlobalRoleAnnotation).empty());
        QVERIFY(plainMeta.annotation(kAliasAnnotation).empty());
        QVERIFY(!userApply(*plain, "dan")->object.at("metadata").at("annotations").contains(kDescriptionAnnotation));
    }
}

void tst_UserPlans::stateChangesStampTheirTime_data()
{
    duplicateEmailIsRefused_data();
}

void tst_UserPlans::stateChangesStampTheirTime()
{
    QFETCH(int, flavor);
    QFETCH(int, mode);
    // Given bob, Active
    Fixture f{ApiFlavor(flavor), Mode(mode)};
    // When he is disabled, the state and the time of that transition are written together
    auto disable = f.planner->setUserEnabled("bob", false);
    QVERIFY(disable);
    QCOMPARE(disable->writes.size(), size_t(1));
    QCOMPARE(disable->writes[0].object,
             json::parse(R"({"status":{"state":"Disabled","lastTransitionTime":"2024-05-06T07:08:09Z"}})"));
    f.reader.applyPlan(*disable);
    // And disabling him again is no transition: nothing is written, the time stays
    f.planner->setClock([] { return kFixedTime + std::chrono::minutes(5); });
    auto again = f.planner->setUserEnabled("bob", false);
    QVERIFY(again);
    QVERIFY(again->writes.empty());
    QVERIFY(again->summary().find("already Disabled") != std::string::npos);
    auto live = f.reader.fetch(f.planner->tenancy().api.user, "", "bob");
    QVERIFY(live && *live);
    QCOMPARE((**live)["status"].value("lastTransitionTime", ""), std::string(kFixedText));
    // And enabling him stamps the new time
    auto enable = f.planner->setUserEnabled("bob", true);
    QVERIFY(enable);
    QCOMPARE(enable->writes.size(), size_t(1));
    QCOMPARE(enable->writes[0].object,
             json::parse(R"({"status":{"state":"Active","lastTransitionTime":"2024-05-06T07:13:09Z"}})"));
}

void tst_UserPlans::refusalsNeverRepeatThePassword()
{
    Fixture f(ApiFlavor::V4, Mode::Standalone);
    // A weak password, a bad e-mail, a taken name: none of the errors carries the password
    for (const UserSpec &spec : {UserSpec{"carol", "carol@example.com", "weakpass", "", "", ""},
                                 UserSpec{"carol", "not-an-email", kPassword, "", "", ""},
                                 UserSpec{"alice", "alice2@example.com", kPassword, "", "", ""}}) {
        auto plan = f.planner->createUser(spec);
        QVERIFY(!plan);
        QVERIFY2(plan.error().describe().find(spec.password) == std::string::npos, plan.error().describe().c_str());
    }
}

QTEST_GUILESS_MAIN(tst_UserPlans)
#include "tst_userplans.moc"
