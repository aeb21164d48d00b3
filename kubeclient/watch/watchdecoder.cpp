// WatchDecoder: splits the byte stream into lines and turns each into a validated WatchEvent.
// Errors quote only the start of the offending line (see kContextBytes).
#include "kubeclient/watch/watchdecoder.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <utility>

namespace kube {

namespace {

// How much of a bad line an error message quotes. Enough to recognise HTML, a proxy's error
// page or the kind/metadata of an object, short enough that the data of a Secret (which Go
// serialises after kind, apiVersion and metadata) stays out of messages and logs.
constexpr std::size_t kContextBytes = 120;

constexpr std::string_view kWhitespace = " \t\r\n";

std::string_view trimmed(std::string_view s)
{
    const auto begin = s.find_first_not_of(kWhitespace);
    if (begin == std::string_view::npos)
        return {};
    const auto end = s.find_last_not_of(kWhitespace);
    return s.substr(begin, end - begin + 1);
}

// The first kContextBytes of a line, cut at a UTF-8 boundary, control bytes escaped so a
// binary stream cannot garble a terminal or a log line.
std::string excerpt(std::string_view line)
{
    std::size_t cut = line.size();
    bool truncated = false;
    if (cut > kContextBytes) {
        cut = kContextBytes;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        truncated = true;
    }
    std::string out;
    out.reserve(cut + 8);
    for (std::size_t i = 0; i < cut; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (truncated)
        out += "... (" + std::to_string(line.size()) + " bytes)";
    return out;
}

std::optional<WatchEventType> typeFromString(const std::string &s)
{
    if (s == "ADDED")
        return WatchEventType::Added;
    if (s == "MODIFIED")
        return WatchEventType::Modified;
    if (s == "DELETED")
        return WatchEventType::Deleted;
    if (s == "BOOKMARK")
        return WatchEventType::Bookmark;
    if (s == "ERROR")
        return WatchEventType::Error;
    return std::nullopt;
}

} // namespace

WatchDecoder::WatchDecoder(std::size_t maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{
}

Error WatchDecoder::fail(Error error)
{
    m_failure = error;
    m_partial.clear();
    return error;
}

Result<std::optional<WatchEvent>> WatchDecoder::decodeLine(std::string_view rawLine)
{
    ++m_lineCount;
    const std::string_view line = trimmed(rawLine);
    if (line.empty())
        return std::optional<WatchEvent>();
    const std::string where = "watch stream line " + std::to_string(m_lineCount);
    auto bad = [&](const std::string &why) {
        return Error::make(ErrorKind::Decode, "not a watch event (" + why + "): " + excerpt(line), where);
    };

    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error &e) {
        return bad("invalid JSON at byte " + std::to_string(e.byte));
    } catch (const nlohmann::json::exception &) {
        // Well-formed JSON can still be refused: a number no double holds ("1e999") is an
        // out_of_range (406), not a parse_error, and must not escape onto the watch thread.
        return bad("a number out of range");
    }
    if (!doc.is_object())
        return bad("not a JSON object");
    const auto type = doc.find("type");
    if (type == doc.end() || !type->is_string())
        return bad("no \"type\" string");
    const auto kind = typeFromString(type->get<std::string>());
    if (!kind)
        return bad("unknown type \"" + type->get<std::string>() + "\"");
    const auto object = doc.find("object");
    if (object == doc.end() || !object->is_object())
        return bad("no \"object\"");

    WatchEvent event;
    event.type = *kind;
    event.object = std::move(*object);
    return std::optional<WatchEvent>(std::move(event));
}

Result<std::vector<WatchEvent>> WatchDecoder::feed(std::string_view chunk)
{
    if (m_failure)
        return *m_failure;
    std::vector<WatchEvent> events;
    std::size_t pos = 0;
    while (pos < chunk.size()) {
        const auto newline = chunk.find('\n', pos);
        if (newline == std::string_view::npos)
            break;
        const std::string_view piece = chunk.substr(pos, newline - pos);
        if (m_partial.size() + piece.size() > m_maxLineBytes)
            return fail(Error::make(ErrorKind::Decode,
                                    "a watch event is longer than " + std::to_string(m_maxLineBytes) + " bytes",
                                    "watch stream line " + std::to_string(m_lineCount + 1)));
        Result<std::optional<WatchEvent>> decoded = std::optional<WatchEvent>();
        if (m_partial.empty()) {
            // The common case: a whole line inside this chunk, decoded without a copy.
            decoded = decodeLine(piece);
        } else {
            m_partial.append(piece);
            decoded = decodeLine(m_partial);
            m_partial.clear();
        }
        if (!decoded)
            return fail(decoded.error());
        if (decoded->has_value())
            events.push_back(std::move(**decoded));
        pos = newline + 1;
    }
    const std::string_view rest = chunk.substr(pos);
    if (m_partial.size() + rest.size() > m_maxLineBytes)
        return fail(Error::make(ErrorKind::Decode,
                                "a watch event is longer than " + std::to_string(m_maxLineBytes) + " bytes",
                                "watch stream line " + std::to_string(m_lineCount + 1)));
    m_partial.append(rest);
    return events;
}

Result<std::vector<WatchEvent>> WatchDecoder::finish()
{
    if (m_failure)
        return *m_failure;
    std::vector<WatchEvent> events;
    if (trimmed(m_partial).empty()) {
        m_partial.clear();
        return events;
    }
    const std::string last = std::move(m_partial);
    m_partial.clear();
    auto decoded = decodeLine(last);
    if (!decoded) {
        return fail(Error::make(ErrorKind::Decode,
                                "the watch stream ended in the middle of an event (" + std::to_string(last.size()) +
                                    " bytes without a newline): " + excerpt(trimmed(last)),
                                "watch stream line " + std::to_string(m_lineCount)));
    }
    if (decoded->has_value())
        events.push_back(std::move(**decoded));
    return events;
}

void WatchDecoder::reset()
{
    m_partial.clear();
    m_lineCount = 0;
    m_failure.reset();
}

} // namespace kube
