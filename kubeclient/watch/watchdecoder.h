// Incremental decoder of a JSON watch stream: newline-delimited {"type":..,"object":..}
// documents arriving split at arbitrary byte boundaries. Pure: bytes in, WatchEvents out.
#pragma once

#include "kubeclient/core/result.h"
#include "kubeclient/watch/watchevent.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kube {

class WatchDecoder
{
public:
    // A single object is at most ~1.5 MiB in etcd (the API server's default request limit is
    // 3 MiB), so a line this long means a broken or hostile stream; we stop instead of
    // buffering without bound.
    static constexpr std::size_t kDefaultMaxLineBytes = std::size_t{64} << 20;

    explicit WatchDecoder(std::size_t maxLineBytes = kDefaultMaxLineBytes);

    // Decodes every complete line in buffered bytes + chunk; a partial last line is kept for
    // the next call. Blank lines (and "\r\n" endings) are skipped. On the first bad line the
    // result is a Decode error and the decoder stays failed: the connection is unusable, and
    // events of the same chunk before the bad line are dropped too, which is safe because the
    // watcher resumes from the last resourceVersion it actually applied.
    Result<std::vector<WatchEvent>> feed(std::string_view chunk);

    // The stream ended. A complete final document without its newline is still an event (the
    // Go client's json.Decoder accepts it); anything else left over is a truncated event and
    // a Decode error.
    Result<std::vector<WatchEvent>> finish();

    // Forget buffered bytes and a failure, for reuse on a new connection.
    void reset();

    std::size_t bufferedBytes() const { return m_partial.size(); }
    // Lines seen so far (blank ones included): the "line N" of error messages.
    std::size_t lineCount() const { return m_lineCount; }

private:
    // Decodes one complete line; nullopt for a blank line.
    Result<std::optional<WatchEvent>> decodeLine(std::string_view line);
    Error fail(Error error);

    std::size_t m_maxLineBytes;
    std::string m_partial;  // bytes after the last newline seen
    std::size_t m_lineCount = 0;
    std::optional<Error> m_failure;
};

} // namespace kube
