// YAML conversion over yaml-cpp. Scalars are typed the way YAML 1.1 resolvers (and so
// kubectl's go-yaml) read them, so a round trip keeps "true" a string and 5 a number.
#include "kubeclient/core/yamlconvert.h"

#include "kubeclient/core/text.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

namespace kube {

namespace {

using nlohmann::json;

bool looksNonString(const std::string &s)
{
    if (s.empty())
        return true;
    static const std::regex special(
        R"(^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$)");
    static const std::regex number(R"(^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o?[0-7]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$)");
    // YAML 1.1 timestamps ("2026-11-26T10:00:00Z") would come back as dates, not strings.
    static const std::regex timestamp(R"(^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$)");
    if (std::regex_match(s, special) || std::regex_match(s, number) || std::regex_match(s, timestamp))
        return true;
    // Leading/trailing spaces, indicators and ": " / " #" need quotes to survive.
    const char first = s.front();
    if (std::isspace(static_cast<unsigned char>(first)) || std::isspace(static_cast<unsigned char>(s.back())))
        return true;
    // "..." (like "---", which '-' covers) at the start of a line ends a document: a top-level
    // scalar or key written plain there would read back as nothing.
    return std::string("!&*-?{}[],#|>@`\"'%:").find(first) != std::string::npos || s.rfind("...", 0) == 0
        || s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':';
}

// yaml-cpp writes some text wrong in double quotes: DEL (0x7F) raw, and each Unicode
// noncharacter (U+FDD0..U+FDEF and the last two code points of every plane) as U+FFFD, raw or
// escaped, though it reads "\uFFFF" as U+FFFF (found by fuzz_manifests). toYaml writes such text
// double-quoted itself, as go-yaml does: yaml-cpp gets a plain placeholder in its place, which
// the finished text then swaps for the quoted form.
bool yamlCppMisquotes(const std::string &s)
{
    for (std::size_t i = 0; i < s.size();) {
        std::size_t width = 1;
        const std::uint32_t c = text::decodeUtf8(s, i, width);
        if (c == 0x7F || (c >= 0xFDD0 && c <= 0xFDEF) || (c >= 0xFFFE && (c & 0xFFFE) == 0xFFFE))
            return true;
        i += width;
    }
    return false;
}

std::string doubleQuoted(const std::string &s)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        std::size_t width = 1;
        const std::string escape = text::yamlDoubleQuotedEscape(text::decodeUtf8(s, i, width));
        if (escape.empty())
            out.append(s, i, width);
        else
            out += escape;
        i += width;
    }
    return out + '"';
}

bool anyTextContains(const json &v, const std::string &needle)
{
    switch (v.type()) {
    case json::value_t::object:
        for (auto it = v.begin(); it != v.end(); ++it)
            if (it.key().find(needle) != std::string::npos || anyTextContains(it.value(), needle))
                return true;
        return false;
    case json::value_t::array:
        return std::any_of(v.begin(), v.end(), [&](const json &e) { return anyTextContains(e, needle); });
    case json::value_t::string:
        return v.get_ref<const std::string &>().find(needle) != std::string::npos;
    default:
        return false;
    }
}

// The double-quoted forms written in place of placeholders "<prefix><index>.", with a prefix
// that no text of the value holds, so nothing else in yaml-cpp's output can match one. The
// prefix is chosen at the first placeholder: a value without such text costs nothing more.
class QuotedByHand
{
public:
    explicit QuotedByHand(const json &value) : value_(value) {}

    // What to give yaml-cpp for text written as `quoted`.
    std::string placeholder(std::string quoted)
    {
        for (unsigned n = 0; quoted_.empty() && (prefix_.empty() || anyTextContains(value_, prefix_)); ++n)
            prefix_ = "tenantry-quoted-" + std::to_string(n) + "-";
        quoted_.push_back(std::move(quoted));
        return prefix_ + std::to_string(quoted_.size() - 1) + ".";
    }

    std::string substitute(const std::string &emitted) const
    {
        if (quoted_.empty())
            return emitted;
        std::string out;
        std::size_t from = 0;
        for (std::size_t at; (at = emitted.find(prefix_, from)) != std::string::npos;) {
            out.append(emitted, from, at - from);
            const std::size_t digits = at + prefix_.size();
            const std::size_t dot = emitted.find('.', digits);
            out += quoted_.at(std::stoul(emitted.substr(digits, dot - digits)));
            from = dot + 1;
        }
        return out.append(emitted, from);
    }

private:
    const json &value_;
    std::string prefix_;
    std::vector<std::string> quoted_;
};

void emit(YAML::Emitter &out, const json &v, QuotedByHand &byHand)
{
    switch (v.type()) {
    case json::value_t::object:
        if (v.empty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            return;
        }
        out << YAML::BeginMap;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const bool misquoted = yamlCppMisquotes(it.key());
            std::string quoted = misquoted ? doubleQuoted(it.key()) : std::string();
            // yaml-cpp writes a simple key however long: past libyaml's limit it is made explicit.
            if (std::max(it.key().size(), quoted.size()) > kMaxSimpleYamlKeyBytes)
                out << YAML::LongKey;
            out << YAML::Key;
            if (misquoted)
                out << byHand.placeholder(std::move(quoted));
            else if (looksNonString(it.key()))
                out << YAML::DoubleQuoted << it.key();
            else
                out << it.key();
            out << YAML::Value;
            emit(out, it.value(), byHand);
        }
        out << YAML::EndMap;
        return;
    case json::value_t::array:
        if (v.empty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            return;
        }
        out << YAML::BeginSeq;
        for (const auto &e : v)
            emit(out, e, byHand);
        out << YAML::EndSeq;
        return;
    case json::value_t::string: {
        const auto &s = v.get_ref<const std::string &>();
        // A literal block keeps exactly one final newline (yaml-cpp writes no chomping indicator):
        // other multi-line text is double-quoted, where "\n" round-trips exactly.
        const bool oneFinalNewline = s.size() >= 2 && s.back() == '\n' && s[s.size() - 2] != '\n';
        // A block holds its text raw, and YAML text cannot hold control characters (yaml-cpp
        // writes them into a literal block all the same): those go double-quoted, escaped.
        const bool rawable = std::none_of(s.begin(), s.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F;
        });
        // A reader takes a block's indentation from its first line that is not empty, so a block
        // whose first such line starts with a space would lose that space: yaml-cpp writes no
        // indentation indicator, so those go double-quoted too.
        const auto firstText = s.find_first_not_of('\n');
        const bool indentKept = firstText == std::string::npos || s[firstText] != ' ';
        if (yamlCppMisquotes(s))
            out << byHand.placeholder(doubleQuoted(s));
        else if (s.find('\n') != std::string::npos && oneFinalNewline && indentKept && rawable)
            out << YAML::Literal << s;
        else if (s.find('\n') != std::string::npos)
            out << YAML::DoubleQuoted << s;
        else if (looksNonString(s))
            out << YAML::DoubleQuoted << s;
        else
            out << s;
        return;
    }
    case json::value_t::boolean:
        out << (v.get<bool>() ? "true" : "false");
        return;
    case json::value_t::number_integer:
        out << v.get<long long>();
        return;
    case json::value_t::number_unsigned:
        out << v.get<unsigned long long>();
        return;
    case json::value_t::number_float:
        out << v.dump();
        return;
    case json::value_t::null:
    default:
        out << YAML::Null;
        return;
    }
}

// Resolves a plain scalar as YAML 1.1 (go-yaml v2) would: null, bool, int, float, else string.
json scalar(const YAML::Node &n)
{
    const std::string s = text::utf8OfYamlCppScalar(n.Scalar());
    if (n.Tag() == "!" || n.Tag() == "tag:yaml.org,2002:str")  // quoted or explicitly a string
        return s;
    static const std::regex nul(R"(^(~|null|Null|NULL|)$)");
    static const std::regex t(R"(^(true|True|TRUE)$)");
    static const std::regex f(R"(^(false|False|FALSE)$)");
    static const std::regex integer(R"(^[-+]?[0-9]+$)");
    static const std::regex real(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)");
    if (std::regex_match(s, nul))
        return nullptr;
    if (std::regex_match(s, t))
        return true;
    if (std::regex_match(s, f))
        return false;
    if (std::regex_match(s, integer)) {
        try {
            return std::stoll(s);
        } catch (...) {
            return s;
        }
    }
    if (std::regex_match(s, real)) {
        try {
            return std::stod(s);
        } catch (...) {
            return s;
        }
    }
    return s;
}

// Thrown when aliases make a document expand far beyond its text ("billion laughs": nine
// lines of anchors become 10^9 values). Every value written out needs at least a byte of
// text, so a budget proportional to the text never stops an honest document.
struct AliasExpansion {};
// An alias inside its own anchor ("a: &x {b: *x}") makes yaml-cpp's node graph a cycle, which
// the conversion followed until the stack overflowed (found by fuzz_manifests). No object nests
// this deep; go-yaml refuses such an anchor too.
constexpr std::size_t kMaxDepth = 1000;
struct TooDeep {};

json toJson(const YAML::Node &n, std::size_t &budget, std::size_t depth = 0)
{
    if (budget == 0)
        throw AliasExpansion{};
    if (depth > kMaxDepth)
        throw TooDeep{};
    --budget;
    switch (n.Type()) {
    case YAML::NodeType::Map: {
        json o = json::object();
        for (const auto &kv : n)
            o[text::utf8OfYamlCppScalar(kv.first.as<std::string>())] = toJson(kv.second, budget, depth + 1);
        return o;
    }
    case YAML::NodeType::Sequence: {
        json a = json::array();
        for (const auto &e : n)
            a.push_back(toJson(e, budget, depth + 1));
        return a;
    }
    case YAML::NodeType::Scalar:
        return scalar(n);
    default:
        return nullptr;
    }
}

// yaml-cpp 0.7's LoadAll never ends on some invalid text (" ,--- x": the parser keeps
// reporting an empty document without reading on; fixed upstream after 0.8). Every document
// takes at least one byte of text, so a stream that yields more documents than it has bytes is
// that loop: count them with a handler that keeps nothing, and stop there.
class DocumentCounter final : public YAML::EventHandler
{
public:
    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// Whether yaml-cpp's parser comes to the end of `text` (it may still throw a YAML::Exception).
bool parserEnds(const std::string &text)
{
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentCounter counter;
    for (std::size_t documents = 0; parser.HandleNextDocument(counter);)
        if (++documents > text.size() + 1)
            return false;
    return true;
}

} // namespace

std::string toYaml(const json &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    QuotedByHand byHand(value);
    emit(out, value, byHand);
    std::string s = byHand.substitute(out.c_str());
    if (!s.empty() && s.back() != '\n')
        s += '\n';
    return s;
}

std::string toYamlDocuments(const std::vector<json> &documents)
{
    std::string out;
    for (size_t i = 0; i < documents.size(); ++i) {
        if (i > 0)
            out += "---\n";
        out += toYaml(documents[i]);
    }
    return out;
}

Result<std::vector<json>> parseYamlDocuments(std::string_view text, const std::string &where)
{
    std::vector<json> docs;
    // yaml-cpp passes invalid UTF-8 through (and decodes a file with NUL bytes as UTF-16 or -32
    // into invalid strings); nlohmann::json then throws wherever the object is dumped. go-yaml
    // (kubectl, the API server) refuses such files, and so do we (UTF-16 files included).
    if (const std::size_t bad = text::nonTextOffset(text); bad != std::string_view::npos) {
        std::size_t line = 0;
        const std::string what = text::describeNonText(text, bad, line);
        return Error::make(ErrorKind::Invalid, what, where + ":" + std::to_string(line), "save the file as UTF-8 text");
    }
    std::size_t budget = 2 * text.size() + 1024;
    try {
        const std::string owned(text);
        if (!parserEnds(owned))
            return Error::make(ErrorKind::Invalid,
                               "invalid YAML: the YAML reader (yaml-cpp) does not come to the end of this text",
                               where, "check the file for a stray ',' or '---' where a value should be");
        std::size_t index = 0;
        for (const auto &node : YAML::LoadAll(owned)) {
            ++index;
            if (!node || node.IsNull())
                continue;
            try {
                docs.push_back(toJson(node, budget));
            } catch (const AliasExpansion &) {
                return Error::make(ErrorKind::Invalid,
                                   "document " + std::to_string(index)
                                       + " expands its aliases (*name) to far more values than the text holds; refused "
                                         "as an alias bomb",
                                   where, "write the values out instead of repeating anchors");
            } catch (const TooDeep &) {
                return Error::make(ErrorKind::Invalid,
                                   "document " + std::to_string(index) + " nests more than " + std::to_string(kMaxDepth)
                                       + " levels deep (an alias inside its own anchor?)",
                                   where, "write the values out instead of an alias that refers to itself");
            }
        }
    } catch (const YAML::Exception &e) {
        std::string loc = where;
        if (!e.mark.is_null()) {
            // yaml-cpp puts errors found at the end of the input ("end of sequence flow not
            // found" for an unclosed "[") on the empty line after the last one; name the last
            // line with content instead, where the text stops short. JSON is read by yaml-cpp as
            // well, so its errors come with the same marks.
            int line = e.mark.line;
            const size_t pos = e.mark.pos < 0 ? text.size() : std::min(size_t(e.mark.pos), text.size());
            if (text.find_first_not_of(" \t\r\n", pos) == std::string_view::npos) {
                const size_t last = text.find_last_not_of(" \t\r\n");
                if (last != std::string_view::npos)
                    line = int(std::count(text.begin(), text.begin() + std::ptrdiff_t(last), '\n'));
            }
            loc += ":" + std::to_string(line + 1);
        }
        return Error::make(ErrorKind::Invalid, "invalid YAML: " + e.msg, loc);
    }
    return docs;
}

} // namespace kube
