// Unit tests of the tenancy snapshot cache file (kubeclient/session/tenancycache): what it keeps,
// what it never writes, and every way a file is refused instead of trusted.
#include "kubeclient/session/tenancycache.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sys/stat.h>

using kube::session::CachedKind;
using kube::session::TenancyCache;
using kube::session::TenancyCacheCheck;
using kube::tenancy::ApiFlavor;
using kube::tenancy::GraphKind;
using nlohmann::json;

namespace {

constexpr const char *kCanary = "canary-password-4f1c9e";

json named(const std::string &kind, const std::string &name, const std::string &rv)
{
    return {{"apiVersion", "v1"}, {"kind", kind}, {"metadata", {{"name", name}, {"resourceVersion", rv}, {"uid", "u-" + name}}}};
}

TenancyCache sample()
{
    TenancyCache c;
    c.server = "https://127.0.0.1:6443";
    c.user = "admin";
    c.identity = "kubernetes-admin";
    c.flavor = ApiFlavor::V4;
    c.writtenAt = 1'800'000'000;
    c.preview = std::string("tree outline \0 bytes", 20);
    json ns = named("Namespace", "proj-a", "17");
    ns["metadata"]["labels"]["kubesphere.io/workspace"] = "ws1";
    ns["metadata"]["managedFields"] = json::array({{{"manager", "kubectl"}, {"operation", "Update"}}});
    json user = named("User", "alice", "18");
    user["apiVersion"] = "iam.kubesphere.io/v1beta1";
    user["spec"] = {{"email", "alice@example.com"}, {"password", kCanary}};
    user["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"] =
        std::string(R"({"spec":{"password":")") + kCanary + R"("}})";
    c.kinds.push_back(CachedKind{GraphKind::Namespace, "20", {kube::freeze(ns)}});
    c.kinds.push_back(CachedKind{GraphKind::User, "21", {kube::freeze(user)}});
    c.kinds.push_back(CachedKind{GraphKind::Group, "", {}});
    return c;
}

TenancyCacheCheck checkFor(const TenancyCache &c)
{
    TenancyCacheCheck check;
    check.server = c.server;
    check.user = c.user;
    check.now = c.writtenAt + 60;
    return check;
}

std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeAll(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// FNV-1a 64 in hex, as the file's checksums are written.
std::string fnvHex(std::string_view bytes)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// The file with its last kind's bytes and count replaced, header and checksum made to match:
// what a writer with a bug, not a damaged disk, would leave.
std::string withLastKind(const std::string &file, const std::string &bytes, std::size_t count)
{
    const std::size_t nl = file.find('\n');
    json header = json::parse(file.substr(0, nl));
    json &last = header["kinds"].back();
    std::string payload = file.substr(nl + 1);
    payload.resize(last["offset"].get<std::size_t>());
    payload += bytes;
    last["length"] = bytes.size();
    last["count"] = count;
    last["fnv"] = fnvHex(bytes);
    return header.dump() + '\n' + payload;
}

} // namespace

class TstTenancyCache : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsObjectsVersionsAndOrigin()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("sub/c.snapshot")).toStdString();
        const TenancyCache written = sample();
        QVERIFY(kube::session::writeTenancyCache(path, written));

        auto read = kube::session::readTenancyCache(path, checkFor(written));
        QVERIFY2(read, read ? "" : read.error().describe().c_str());
        QVERIFY(read->has_value());
        const TenancyCache &c = **read;
        QCOMPARE(c.identity, written.identity);
        QCOMPARE(c.flavor, ApiFlavor::V4);
        QCOMPARE(c.writtenAt, written.writtenAt);
        QCOMPARE(c.preview, written.preview);
        QCOMPARE(c.kinds.size(), std::size_t(3));
        QCOMPARE(c.kinds[0].kind, GraphKind::Namespace);
        QCOMPARE(c.kinds[0].resourceVersion, std::string("20"));
        QCOMPARE((*c.kinds[0].objects[0])["metadata"]["labels"]["kubesphere.io/workspace"], json("ws1"));
        // managedFields are not kept; the rest of the object is
        QVERIFY(!(*c.kinds[0].objects[0])["metadata"].contains("managedFields"));
        QCOMPARE((*c.kinds[1].objects[0])["spec"]["email"], json("alice@example.com"));
        QCOMPARE(c.kinds[2].kind, GraphKind::Group);
        QVERIFY(c.kinds[2].objects.empty());
        QCOMPARE(c.objectCount(), std::size_t(2));
    }

    void noSecretReachesTheFileAndTheFileIsPrivate()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("cache/c.snapshot")).toStdString();
        QVERIFY(kube::session::writeTenancyCache(path, sample()));
        const std::string bytes = readAll(path);
        QVERIFY(!bytes.empty());
        QVERIFY(bytes.find(kCanary) == std::string::npos);
        QVERIFY(bytes.find("assword") == std::string::npos);
        struct stat st {};
        QCOMPARE(::stat(path.c_str(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QCOMPARE(::stat(dir.filePath(QStringLiteral("cache")).toLocal8Bit().constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0700));
    }

    void missingFileIsNoCacheNotAnError()
    {
        QTemporaryDir dir;
        auto read = kube::session::readTenancyCache(dir.filePath(QStringLiteral("none")).toStdString(), checkFor(sample()));
        QVERIFY(read);
        QVERIFY(!read->has_value());
    }

    void refusedFilesSayWhy_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("another server") << "server" << "written for admin on https://127.0.0.1:6443";
        QTest::newRow("another user") << "user" << "written for admin on";
        QTest::newRow("too old") << "age" << "older than 24 h";
        QTest::newRow("a flipped byte") << "flip" << "checksum of";
        QTest::newRow("truncated") << "truncate" << "truncated";
        QTest::newRow("bytes appended") << "append" << "bytes after the last kind";
        QTest::newRow("another format version") << "version" << "another format version";
        QTest::newRow("not a snapshot") << "garbage" << "first line is not a JSON header";
        QTest::newRow("empty") << "empty" << "the file is empty";
    }

    void refusedFilesSayWhy()
    {
        QFETCH(QString, damage);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.snapshot")).toStdString();
        const TenancyCache written = sample();
        QVERIFY(kube::session::writeTenancyCache(path, written));
        std::string bytes = readAll(path);
        TenancyCacheCheck check = checkFor(written);
        if (damage == "server")
            check.server = "https://10.0.0.1:6443";
        else if (damage == "user")
            check.user = "bob";
        else if (damage == "age") {
            check.maxAgeSeconds = 24 * 3600;
            check.now = written.writtenAt + 25 * 3600;
        } else if (damage == "flip")
            bytes[bytes.size() - 5] ^= 0x20;
        else if (damage == "truncate")
            bytes.resize(bytes.size() - 7);
        else if (damage == "append")
            bytes += "x";
        else if (damage == "version")
            bytes.replace(bytes.find("\"version\":2"), 11, "\"version\":9");
        else if (damage == "garbage")
            bytes = "PK\x03\x04 not a snapshot\n";
        else if (damage == "empty")
            bytes.clear();
        writeAll(path, bytes);

        auto read = kube::session::readTenancyCache(path, check);
        QVERIFY(!read);
        const std::string text = read.error().describe();
        QVERIFY2(text.find(reason.toStdString()) != std::string::npos, text.c_str());
        // It says where, and that the tenancy is listed instead
        QVERIFY2(text.find(path) != std::string::npos, text.c_str());
        QVERIFY2(text.find("listed from the cluster") != std::string::npos, text.c_str());
    }

    // The window draws the tree from the preview before any object is decoded: a preview-only
    // read returns it and no objects, but checks the whole file first (nothing of a damaged
    // file is shown).
    // Each kind is packed object by object under one array header: the three header sizes
    // MessagePack has (up to 15, up to 65,535, more) all read back whole and in order.
    void largeKindsReadBackWhole_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("fixarray") << 15;
        QTest::newRow("array 16") << 16;
        QTest::newRow("array 16, full") << 65535;
        QTest::newRow("array 32") << 65536 + 7;
    }
    void largeKindsReadBackWhole()
    {
        QFETCH(int, count);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("big.snapshot")).toStdString();
        TenancyCache written = sample();
        CachedKind &users = written.kinds.emplace_back();
        users.kind = GraphKind::Group;
        users.resourceVersion = "99";
        for (int i = 0; i < count; ++i)
            users.objects.push_back(kube::freeze(named("Group", "g" + std::to_string(i), "99")));
        QVERIFY(kube::session::writeTenancyCache(path, written));
        auto read = kube::session::readTenancyCache(path, checkFor(written));
        QVERIFY2(read, read ? "" : read.error().describe().c_str());
        QVERIFY(read->has_value());
        const CachedKind &back = (*read)->kinds.back();
        QCOMPARE(back.kind, GraphKind::Group);
        QCOMPARE(back.objects.size(), std::size_t(count));
        QCOMPARE((*back.objects.back())["metadata"]["name"].text(), "g" + std::to_string(count - 1));
        // And the kind's bytes (packed object by object into chunks, checksummed piece by piece)
        // are exactly the MessagePack of the whole array
        const std::string file = readAll(path);
        const json header = json::parse(file.substr(0, file.find('\n')));
        const json &entry = header["kinds"].back();
        json whole = json::array();
        for (const auto &o : users.objects)
            whole.push_back(o->toJson());
        const std::vector<std::uint8_t> expected = json::to_msgpack(whole);
        const std::string bytes = file.substr(file.find('\n') + 1 + entry["offset"].get<std::size_t>(), entry["length"].get<std::size_t>());
        QVERIFY(bytes == std::string(expected.begin(), expected.end()));
        QCOMPARE(entry["fnv"].get<std::string>(), fnvHex(bytes));
    }

    void previewIsReadWithoutTheObjectsButTheWholeFileChecked()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.snapshot")).toStdString();
        const TenancyCache written = sample();
        QVERIFY(kube::session::writeTenancyCache(path, written));
        const std::string bytes = readAll(path);
        const std::size_t previewAt = bytes.find('\n') + 1;
        QCOMPARE(bytes.substr(previewAt, written.preview.size()), written.preview);

        auto preview = kube::session::readTenancyCache(path, checkFor(written), kube::session::TenancyCacheRead::PreviewOnly);
        QVERIFY2(preview, preview ? "" : preview.error().describe().c_str());
        QVERIFY(preview->has_value());
        QCOMPARE((*preview)->preview, written.preview);
        QCOMPARE((*preview)->identity, written.identity);
        QVERIFY((*preview)->kinds.empty());

        // A damaged kind or a damaged preview: refused by both reads, with the reason.
        const std::pair<std::size_t, std::string> damages[] = {{bytes.size() - 5, "checksum of User"},
                                                               {previewAt + 3, "checksum of its preview"}};
        for (const auto &[at, reason] : damages) {
            std::string damaged = bytes;
            damaged[at] ^= 0x20;
            writeAll(path, damaged);
            for (auto what : {kube::session::TenancyCacheRead::PreviewOnly, kube::session::TenancyCacheRead::Everything}) {
                auto read = kube::session::readTenancyCache(path, checkFor(written), what);
                QVERIFY(!read);
                QVERIFY2(read.error().describe().find(reason) != std::string::npos, read.error().describe().c_str());
            }
        }

        // Cut inside the preview.
        writeAll(path, bytes.substr(0, previewAt + 4));
        auto cut = kube::session::readTenancyCache(path, checkFor(written), kube::session::TenancyCacheRead::PreviewOnly);
        QVERIFY(!cut);
        QVERIFY2(cut.error().describe().find("truncated (preview)") != std::string::npos, cut.error().describe().c_str());
    }

    // A kind read object by object: bytes that are not MessagePack objects, under a checksum that
    // matches, are refused with the kind named (never a crash, never a half-read kind).
    void undecodableKindsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("reason");
        const json good = named("Group", "g1", "5");
        const std::vector<std::uint8_t> object = json::to_msgpack(good);
        const QByteArray one(reinterpret_cast<const char *>(object.data()), qsizetype(object.size()));
        QTest::newRow("the header counts more") << (QByteArray("\x92") + one) << 2 << "objects of Group cannot be read";
        QTest::newRow("the file counts another number") << (QByteArray("\x91") + one) << 3 << "objects of Group cannot be read";
        QTest::newRow("an object cut short") << (QByteArray("\x91") + one.left(one.size() - 3)) << 1
                                             << "objects of Group cannot be read";
        QTest::newRow("bytes after the last object") << (QByteArray("\x91") + one + "\xc0") << 1
                                                     << "objects of Group cannot be read";
        QTest::newRow("the undefined type byte") << QByteArray("\x91\x81\xa1k\xc1", 5) << 1 << "objects of Group cannot be read";
        QTest::newRow("not an array") << (QByteArray("\x81") + one) << 1 << "objects of Group cannot be read";
        QTest::newRow("a map of 4 billion pairs") << QByteArray("\x91\xdf\xff\xff\xff\xff\xc0", 7) << 1
                                                  << "objects of Group cannot be read";
        QTest::newRow("100,000 nested arrays") << (QByteArray("\x91") + QByteArray(100'000, '\x91') + "\xc0") << 1
                                               << "objects of Group cannot be read";
        QTest::newRow("an object without a name") << QByteArray("\x91\x81\xa4kind\xa5Group", 13) << 1 << "has no name";
        QTest::newRow("a number, not an object") << QByteArray("\x91\x07", 2) << 1 << "has no name";
    }
    void undecodableKindsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, count);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.snapshot")).toStdString();
        const TenancyCache written = sample();
        QVERIFY(kube::session::writeTenancyCache(path, written));
        writeAll(path, withLastKind(readAll(path), bytes.toStdString(), std::size_t(count)));
        // The preview alone does not decode objects: it is shown
        QVERIFY(kube::session::readTenancyCache(path, checkFor(written), kube::session::TenancyCacheRead::PreviewOnly));
        auto read = kube::session::readTenancyCache(path, checkFor(written));
        QVERIFY(!read);
        QVERIFY2(read.error().describe().find(reason.toStdString()) != std::string::npos, read.error().describe().c_str());
    }

    // The same forging with good objects reads back: the test's file surgery is sound.
    void forgedKindWithGoodObjectsReadsBack()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("c.snapshot")).toStdString();
        const TenancyCache written = sample();
        QVERIFY(kube::session::writeTenancyCache(path, written));
        std::string bytes = "\x92";
        for (const char *name : {"g1", "g2"}) {
            json group = named("Group", name, "5");
            group["spec"] = {{"n", -3}, {"f", 1.5}, {"big", 1ull << 40}, {"list", {true, nullptr, "x"}}};
            const auto packed = json::to_msgpack(group);
            bytes.append(packed.begin(), packed.end());
        }
        writeAll(path, withLastKind(readAll(path), bytes, 2));
        auto read = kube::session::readTenancyCache(path, checkFor(written));
        QVERIFY2(read, read ? "" : read.error().describe().c_str());
        const CachedKind &groups = (*read)->kinds.back();
        QCOMPARE(groups.objects.size(), std::size_t(2));
        QCOMPARE((*groups.objects[1])["metadata"]["name"].text(), std::string("g2"));
        QCOMPARE((*groups.objects[1])["spec"]["big"].get<std::uint64_t>(), std::uint64_t(1) << 40);
        QCOMPARE((*groups.objects[1])["spec"]["list"].size(), std::size_t(3));
    }

    void pathDependsOnServerUserAndContextButNamesNone()
    {
        const std::string a = kube::session::tenancyCachePath("/c", "https://a:6443", "admin", "dev");
        QVERIFY(a.starts_with("/c/"));
        QVERIFY(a.ends_with(".snapshot"));
        QVERIFY(a.find("admin") == std::string::npos && a.find("6443") == std::string::npos);
        QVERIFY(a != kube::session::tenancyCachePath("/c", "https://b:6443", "admin", "dev"));
        QVERIFY(a != kube::session::tenancyCachePath("/c", "https://a:6443", "viewer", "dev"));
        QVERIFY(a != kube::session::tenancyCachePath("/c", "https://a:6443", "admin", "prod"));
        QCOMPARE(a, kube::session::tenancyCachePath("/c", "https://a:6443", "admin", "dev"));
    }
};

QTEST_GUILESS_MAIN(TstTenancyCache)
#include "tst_tenancycache.moc"
