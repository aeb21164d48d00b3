// The watch stream decoder fed in chunks whose boundaries the fuzzer chooses. Input: a flags
// byte (bit 0: a 64-byte line limit), a count N (mod 17), N chunk sizes (one byte each), then
// the stream itself. Invariant: however a stream is split, the decoder
// yields the same events and the same verdict as when it gets the whole stream at once.
#include "fuzzcheck.h"
#include "kubeclient/watch/watchdecoder.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace {

struct Outcome {
    std::vector<std::string> events;  // "TYPE object-dump"
    bool failed = false;
};

Outcome decode(const std::string &stream, const std::vector<std::size_t> &cuts, std::size_t maxLine)
{
    kube::WatchDecoder decoder(maxLine);
    Outcome out;
    auto take = [&](kube::Result<std::vector<kube::WatchEvent>> r) {
        if (!r.ok()) {
            out.failed = true;
            return;
        }
        for (const auto &e : *r)
            out.events.push_back(std::string(kube::toString(e.type)) + " " + e.object.dump());
    };
    std::size_t pos = 0;
    for (std::size_t cut : cuts) {
        if (out.failed)
            break;
        const std::size_t n = std::min(cut, stream.size() - pos);
        take(decoder.feed(std::string_view(stream).substr(pos, n)));
        pos += n;
    }
    if (!out.failed && pos < stream.size())
        take(decoder.feed(std::string_view(stream).substr(pos)));
    if (!out.failed)
        take(decoder.finish());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    // A small line limit sometimes, so the "line too long" path is reached too.
    const std::size_t maxLine = (data[0] & 1) ? 64 : kube::WatchDecoder::kDefaultMaxLineBytes;
    const std::size_t cutCount = std::min<std::size_t>(data[1] % 17, size - 2);
    std::vector<std::size_t> cuts(data + 2, data + 2 + cutCount);
    const std::string stream(reinterpret_cast<const char *>(data) + 2 + cutCount, size - 2 - cutCount);

    const Outcome whole = decode(stream, {}, maxLine);
    const Outcome split = decode(stream, cuts, maxLine);
    // A failure drops the events of its chunk (documented), so only the verdict must agree then.
    FUZZ_CHECK(whole.failed == split.failed, "the split changed the verdict");
    if (!whole.failed)
        FUZZ_CHECK(whole.events == split.events, "the split changed the events");
    return 0;
}
