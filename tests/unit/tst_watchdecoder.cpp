// Tests for kube::WatchDecoder over recorded watch streams in tests/data/watch/.
// The streams are split at every byte boundary: the decoder must not care where TCP cut them.
#include "kubeclient/watch/watchdecoder.h"

#include <nlohmann/json.hpp>

#include <QtCore/QFile>
#include <QtTest/QtTest>

#include <random>

using kube::WatchDecoder;
using kube::WatchEvent;
using kube::WatchEventType;

namespace {

std::string readStream(const char *name)
{
    QFile file(QStringLiteral(TENANTRY_TEST_DATA "/watch/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open recorded stream %s", name);
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

// One event as one comparable line: "ADDED settings@1001".
std::string summary(const WatchEvent &e)
{
    const auto &md = e.object.value("metadata", nlohmann::json::object());
    std::string out = kube::toString(e.type);
    out += ' ';
    out += md.value("name", std::string());
    out += '@';
    out += md.value("resourceVersion", std::string());
    return out;
}

std::vector<std::string> summaries(const std::vector<WatchEvent> &events)
{
    std::vector<std::string> out;
    for (const auto &e : events)
        out.push_back(summary(e));
    return out;
}

// Feeds chunks, then finish(); appends events; returns the first error text or "".
std::string decodeChunks(WatchDecoder &decoder, const std::vector<std::string_view> &chunks,
                         std::vector<WatchEvent> &events)
{
    for (const auto chunk : chunks) {
        auto r = decoder.feed(chunk);
        if (!r)
            return r.error().describe();
        for (auto &e : *r)
            events.push_back(std::move(e));
    }
    auto tail = decoder.finish();
    if (!tail)
        return tail.error().describe();
    for (auto &e : *tail)
        events.push_back(std::move(e));
    return {};
}

const std::vector<std::string> kConfigMapEvents = {
    "ADDED settings@1001", "MODIFIED settings@1002", "ADDED greetings@1003", "BOOKMARK @1010",
    "DELETED greetings@1011",
};

} // namespace

class TestWatchDecoder : public QObject
{
    Q_OBJECT

private slots:
    void wholeStreamInOneChunk();
    void splitAtEveryByteBoundary_data();
    void splitAtEveryByteBoundary();
    void oneByteAtATime();
    void randomChunkSizes();
    void severalEventsPerChunk();
    void bookmarkCarriesOnlyResourceVersion();
    void errorEventCarriesStatus();
    void truncatedFinalLineIsAnError();
    void completeFinalLineWithoutNewlineIsAnEvent();
    void garbageIsAnErrorWithContext();
    void failureIsStickyUntilReset();
    void malformedEvents_data();
    void malformedEvents();
    void lineSizeLimit();
    void longGarbageIsQuotedBriefly();
    void controlBytesAreEscaped();
};

void TestWatchDecoder::wholeStreamInOneChunk()
{
    // Given the recorded configmaps stream (blank line, CRLF, multi-byte UTF-8)
    const std::string stream = readStream("configmaps.jsonl");
    WatchDecoder decoder;
    std::vector<WatchEvent> events;
    // When it arrives in one chunk
    const std::string error = decodeChunks(decoder, {stream}, events);
    // Then every event comes out in order, blank lines skipped, text intact
    QCOMPARE(QString::fromStdString(error), QString());
    QCOMPARE(summaries(events), kConfigMapEvents);
    QCOMPARE(events[2].object["data"]["fr"].get<std::string>(), std::string("héllo ✓"));
    QCOMPARE(decoder.bufferedBytes(), std::size_t(0));
    QCOMPARE(decoder.lineCount(), std::size_t(6));
}

void TestWatchDecoder::splitAtEveryByteBoundary_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("configmaps") << "configmaps.jsonl";
    QTest::newRow("expired") << "expired.jsonl";
}

void TestWatchDecoder::splitAtEveryByteBoundary()
{
    QFETCH(QString, file);
    // Given a recorded stream and its events decoded in one piece
    const std::string stream = readStream(file.toUtf8().constData());
    WatchDecoder reference;
    std::vector<WatchEvent> expected;
    QCOMPARE(QString::fromStdString(decodeChunks(reference, {stream}, expected)), QString());
    QVERIFY(!expected.empty());

    for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
        // When the stream is cut in two at this byte
        const std::string_view all(stream);
        WatchDecoder decoder;
        std::vector<WatchEvent> events;
        const std::string error = decodeChunks(decoder, {all.substr(0, cut), all.substr(cut)}, events);
        // Then the same events come out, objects and all
        QVERIFY2(error.empty(), (std::to_string(cut) + ": " + error).c_str());
        QCOMPARE(events.size(), expected.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].type, expected[i].type);
            QVERIFY2(events[i].object == expected[i].object, std::to_string(cut).c_str());
        }
    }
}

void TestWatchDecoder::oneByteAtATime()
{
    // Given the configmaps stream delivered one byte per read
    const std::string stream = readStream("configmaps.jsonl");
    std::vector<std::string_view> chunks;
    for (std::size_t i = 0; i < stream.size(); ++i)
        chunks.push_back(std::string_view(stream).substr(i, 1));
    WatchDecoder decoder;
    std::vector<WatchEvent> events;
    // When each byte is fed
    const std::string error = decodeChunks(decoder, chunks, events);
    // Then the decoded events are the same as in one piece
    QCOMPARE(QString::fromStdString(error), QString());
    QCOMPARE(summaries(events), kConfigMapEvents);
}

void TestWatchDecoder::randomChunkSizes()
{
    // Given the stream repeated and cut into random chunk sizes (fixed seed)
    std::string stream;
    for (int i = 0; i < 20; ++i)
        stream += readStream("configmaps.jsonl");
    std::mt19937 rng(20250110);
    std::uniform_int_distribution<std::size_t> size(1, 400);
    std::vector<std::string_view> chunks;
    for (std::size_t pos = 0; pos < stream.size();) {
        const std::size_t n = std::min(size(rng), stream.size() - pos);
        chunks.push_back(std::string_view(stream).substr(pos, n));
        pos += n;
    }
    WatchDecoder decoder;
    std::vector<WatchEvent> events;
    // When the chunks are fed
    const std::string error = decodeChunks(decoder, chunks, events);
    // Then all 100 events come out in order
    QCOMPARE(QString::fromStdString(error), QString());
    QCOMPARE(events.size(), std::size_t(100));
    for (std::size_t i = 0; i < events.size(); ++i)
        QCOMPARE(summary(events[i]), kConfigMapEvents[i % kConfigMapEvents.size()]);
}

void TestWatchDecoder::severalEventsPerChunk()
{
    // Given the first three lines and a half in one chunk, the rest in another
    const std::string stream = readStream("configmaps.jsonl");
    std::size_t cut = 0;
    for (int line = 0; line < 3; ++line)
        cut = stream.find('\n', cut) + 1;
    cut += 20;
    WatchDecoder decoder;
    // When the first chunk is fed
    auto first = decoder.feed(std::string_view(stream).substr(0, cut));
    // Then the two complete events come out at once and the partial line waits
    QVERIFY(first.ok());
    QCOMPARE(summaries(*first), (std::vector<std::string>{"ADDED settings@1001", "MODIFIED settings@1002"}));
    QCOMPARE(decoder.bufferedBytes(), std::size_t(20));
    auto second = decoder.feed(std::string_view(stream).substr(cut));
    QVERIFY(second.ok());
    QCOMPARE(second->size(), std::size_t(3));
}

void TestWatchDecoder::bookmarkCarriesOnlyResourceVersion()
{
    // Given the configmaps stream
    WatchDecoder decoder;
    auto events = decoder.feed(readStream("configmaps.jsonl"));
    QVERIFY(events.ok());
    // Then its BOOKMARK is typed as such and carries the resume point
    const WatchEvent &bookmark = (*events)[3];
    QCOMPARE(bookmark.type, WatchEventType::Bookmark);
    QCOMPARE(bookmark.object["metadata"]["resourceVersion"].get<std::string>(), std::string("1010"));
    QVERIFY(!bookmark.object["metadata"].contains("name"));
}

void TestWatchDecoder::errorEventCarriesStatus()
{
    // Given a stream that ends in a 410 ERROR event
    WatchDecoder decoder;
    auto events = decoder.feed(readStream("expired.jsonl"));
    // Then the ERROR event is decoded (not a decode failure) with its metav1.Status
    QVERIFY(events.ok());
    QCOMPARE(events->size(), std::size_t(2));
    const WatchEvent &error = events->back();
    QCOMPARE(error.type, WatchEventType::Error);
    QCOMPARE(error.object["kind"].get<std::string>(), std::string("Status"));
    QCOMPARE(error.object["code"].get<int>(), 410);
    QCOMPARE(error.object["reason"].get<std::string>(), std::string("Expired"));
    QVERIFY(error.object["message"].get<std::string>().find("too old resource version") != std::string::npos);
}

void TestWatchDecoder::truncatedFinalLineIsAnError()
{
    // Given a stream cut in the middle of its third event
    WatchDecoder decoder;
    auto events = decoder.feed(readStream("truncated.jsonl"));
    // When it is fed, the complete events come out
    QVERIFY(events.ok());
    QCOMPARE(summaries(*events), (std::vector<std::string>{"ADDED settings@3001", "BOOKMARK @3002"}));
    QVERIFY(decoder.bufferedBytes() > 0);
    // Then finish() reports the truncated event as a Decode error saying so
    auto tail = decoder.finish();
    QVERIFY(!tail.ok());
    QCOMPARE(tail.error().kind, kube::ErrorKind::Decode);
    QVERIFY2(tail.error().message.find("ended in the middle of an event") != std::string::npos,
             tail.error().message.c_str());
    QVERIFY(tail.error().where.find("line 3") != std::string::npos);
}

void TestWatchDecoder::completeFinalLineWithoutNewlineIsAnEvent()
{
    // Given a last event whose newline never came
    WatchDecoder decoder;
    auto events = decoder.feed(R"({"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"7"}}})");
    QVERIFY(events.ok());
    QVERIFY(events->empty());
    // When the stream ends
    auto tail = decoder.finish();
    // Then it is still decoded, as Go's json.Decoder would
    QVERIFY(tail.ok());
    QCOMPARE(summaries(*tail), (std::vector<std::string>{"ADDED a@7"}));
    // And an empty or blank remainder is no error
    QVERIFY(decoder.finish().ok());
    WatchDecoder blank;
    QVERIFY(blank.feed("\n\r\n  ").ok());
    QVERIFY(blank.finish().ok());
}

void TestWatchDecoder::garbageIsAnErrorWithContext()
{
    // Given a proxy's HTML error page in the middle of a stream
    WatchDecoder decoder;
    // When it is fed
    auto events = decoder.feed(readStream("garbage.jsonl"));
    // Then the result is a Decode error naming the line and quoting its start
    QVERIFY(!events.ok());
    const kube::Error &e = events.error();
    QCOMPARE(e.kind, kube::ErrorKind::Decode);
    QVERIFY2(e.where.find("line 2") != std::string::npos, e.where.c_str());
    QVERIFY2(e.message.find("invalid JSON") != std::string::npos, e.message.c_str());
    QVERIFY2(e.message.find(": <html>") != std::string::npos, e.message.c_str());
    QVERIFY(e.message.find("nginx") == std::string::npos);  // only the offending line
}

void TestWatchDecoder::failureIsStickyUntilReset()
{
    // Given a decoder that hit garbage
    WatchDecoder decoder;
    QVERIFY(!decoder.feed("not json\n").ok());
    // When more (valid) bytes arrive
    auto after = decoder.feed(R"({"type":"ADDED","object":{}})" "\n");
    // Then it keeps failing: the connection is unusable
    QVERIFY(!after.ok());
    QVERIFY(!decoder.finish().ok());
    // And after reset() it decodes a new connection's stream
    decoder.reset();
    auto fresh = decoder.feed(R"({"type":"ADDED","object":{}})" "\n");
    QVERIFY(fresh.ok());
    QCOMPARE(fresh->size(), std::size_t(1));
}

void TestWatchDecoder::malformedEvents_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("why");
    QTest::newRow("array") << "[1,2]" << "not a JSON object";
    QTest::newRow("no type") << R"({"object":{}})" << "no \"type\"";
    QTest::newRow("type not string") << R"({"type":5,"object":{}})" << "no \"type\"";
    QTest::newRow("unknown type") << R"({"type":"EXPLODED","object":{}})" << "unknown type \"EXPLODED\"";
    QTest::newRow("no object") << R"({"type":"ADDED"})" << "no \"object\"";
    QTest::newRow("object not object") << R"({"type":"ADDED","object":"x"})" << "no \"object\"";
    QTest::newRow("two documents") << R"({"type":"ADDED","object":{}} {"type":"ADDED","object":{}})" << "invalid JSON";
}

void TestWatchDecoder::malformedEvents()
{
    QFETCH(QString, line);
    QFETCH(QString, why);
    // Given a line that is JSON-ish but not a watch event
    WatchDecoder decoder;
    auto events = decoder.feed(line.toStdString() + "\n");
    // Then the error explains what is missing
    QVERIFY(!events.ok());
    QVERIFY2(events.error().message.find(why.toStdString()) != std::string::npos, events.error().message.c_str());
}

void TestWatchDecoder::lineSizeLimit()
{
    // Given a decoder limited to 1 KiB per line
    WatchDecoder partial(1024);
    // When a line grows past it across chunks, without a newline
    QVERIFY(partial.feed(std::string(1000, 'x')).ok());
    auto grown = partial.feed(std::string(100, 'x'));
    // Then it fails cleanly instead of buffering forever
    QVERIFY(!grown.ok());
    QVERIFY(grown.error().message.find("longer than 1024 bytes") != std::string::npos);
    QCOMPARE(partial.bufferedBytes(), std::size_t(0));

    // And a complete oversized line inside one chunk fails the same way
    WatchDecoder whole(1024);
    auto big = whole.feed(std::string(2000, ' ') + "\n");
    QVERIFY(!big.ok());
    // While a line of exactly the limit is fine
    WatchDecoder exact(64);
    const std::string line = R"({"type":"ADDED","object":{"a":"b"}})";
    QVERIFY(exact.feed(line + std::string(64 - line.size(), ' ') + "\n").ok());
}

void TestWatchDecoder::longGarbageIsQuotedBriefly()
{
    // Given a megabyte of garbage on one line
    WatchDecoder decoder;
    auto events = decoder.feed(std::string(1 << 20, 'z') + "\n");
    // Then the message quotes only its start and says how long it was
    QVERIFY(!events.ok());
    QVERIFY(events.error().message.size() < 400);
    QVERIFY(events.error().message.find("(1048576 bytes)") != std::string::npos);
}

void TestWatchDecoder::controlBytesAreEscaped()
{
    // Given binary bytes where JSON should be
    WatchDecoder decoder;
    auto events = decoder.feed(std::string("\x01\x02\x1b[31mboom", 11) + "\n");
    // Then the message shows them escaped, never raw
    QVERIFY(!events.ok());
    const std::string &m = events.error().message;
    QVERIFY2(m.find("\\x01\\x02\\x1B[31mboom") != std::string::npos, m.c_str());
    QVERIFY(m.find('\x1b') == std::string::npos);
}

QTEST_APPLESS_MAIN(TestWatchDecoder)
#include "tst_watchdecoder.moc"
