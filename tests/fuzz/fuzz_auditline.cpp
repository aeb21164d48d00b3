// Audit event lines (kube-apiserver, KubeSphere, Tenantry's journal): the index's fast scan of
// one line, then the full parse of each event it found, then the RFC 3339 helpers.
// Invariants: every scanned event's bytes lie inside the line and parse fully; a formatted
// time parses back to the same millisecond.
#include "fuzzcheck.h"
#include "kubeclient/audit/auditparser.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view line(reinterpret_cast<const char *>(data), size);
    std::vector<kube::audit::ScannedEvent> events;
    std::string why;
    const bool ok = kube::audit::scanLine(line, events, &why);
    if (!ok)
        FUZZ_CHECK(events.empty(), "a refused line appended events");
    for (const auto &event : events) {
        FUZZ_CHECK(event.begin <= line.size() && event.length <= line.size() - event.begin,
                   "event bytes outside the line");
        auto full = kube::audit::parseEvent(line.substr(event.begin, event.length), event.item);
        (void)full;
    }
    std::int64_t ms = 0;
    if (kube::audit::parseRfc3339Ms(line, ms)) {
        const std::string text = kube::audit::formatRfc3339Ms(ms);
        std::int64_t back = 0;
        FUZZ_CHECK(kube::audit::parseRfc3339Ms(text, back), "formatRfc3339Ms output does not parse: " + text);
        FUZZ_CHECK(back == ms, "RFC 3339 round trip changed the time: " + text);
    }
    return 0;
}
