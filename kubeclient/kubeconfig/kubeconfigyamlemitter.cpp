// The block emitter of go-yaml v2 as kubectl prints kubeconfigs: libyaml's quoting analysis,
// 80-column folding, literal blocks and go-yaml's key order (the resolver is kubeconfigyaml.cpp).
#include "kubeclient/kubeconfig/kubeconfigyaml.h"

#include "kubeclient/core/text.h"
#include "kubeclient/core/yamlconvert.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace kube {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$ : go-yaml quotes these "base 60 floats".
bool isBase60Float(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
        ++i;
    int groups = 0;
    while (i < s.size() && s[i] == ':') {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]) && i - start < 2)
            ++i;
        const std::size_t n = i - start;
        if (n == 0 || (n == 2 && s[start] > '5'))
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
            ++i;
    }
    return i == s.size();
}

constexpr int kBestWidth = 80;

using text::decodeUtf8;
using text::isYamlPrintable;

bool isBreak(std::uint32_t c) { return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }
bool isSpace(std::uint32_t c) { return c == ' '; }
bool isBlankOrEnd(std::string_view s, std::size_t i)
{
    if (i >= s.size())
        return true;
    const char c = s[i];
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct Analysis {
    bool multiline = false;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;
    bool blockAllowed = true;
};

Analysis analyze(std::string_view v)
{
    Analysis a;
    if (v.empty()) {
        a.blockPlainAllowed = false;
        a.blockAllowed = false;
        return a;
    }
    bool blockIndicators = false, flowIndicators = false;
    if ((v.substr(0, 3) == "---" || v.substr(0, 3) == "...") && isBlankOrEnd(v, 3)) {
        blockIndicators = flowIndicators = true;
    }
    bool precededByWhitespace = true;
    bool lineBreaks = false, specialCharacters = false;
    bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
    bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t w = 1;
        const std::uint32_t c = decodeUtf8(v, i, w);
        const bool last = i + w >= v.size();
        const bool followedByWhitespace = isBlankOrEnd(v, i + w);
        if (i == 0) {
            switch (c) {
            case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
            case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
                flowIndicators = blockIndicators = true;
                break;
            case '?': case ':':
                flowIndicators = true;
                if (followedByWhitespace)
                    blockIndicators = true;
                break;
            case '-':
                if (followedByWhitespace)
                    flowIndicators = blockIndicators = true;
                break;
            default:
                break;
            }
        } else {
            switch (c) {
            case ',': case '?': case '[': case ']': case '{': case '}':
                flowIndicators = true;
                break;
            case ':':
                flowIndicators = true;
                if (followedByWhitespace)
                    blockIndicators = true;
                break;
            case '#':
                if (precededByWhitespace)
                    flowIndicators = blockIndicators = true;
                break;
            default:
                break;
            }
        }
        if (!isYamlPrintable(c))
            specialCharacters = true;
        if (isBreak(c))
            lineBreaks = true;
        if (isSpace(c)) {
            if (i == 0)
                leadingSpace = true;
            if (last)
                trailingSpace = true;
            if (previousBreak)
                breakSpace = true;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak(c)) {
            if (i == 0)
                leadingBreak = true;
            if (last)
                trailingBreak = true;
            if (previousSpace)
                spaceBreak = true;
            previousBreak = true;
            previousSpace = false;
        } else {
            previousSpace = previousBreak = false;
        }
        precededByWhitespace = c == ' ' || c == '\t' || isBreak(c);
        i += w;
    }
    a.multiline = lineBreaks;
    bool blockPlain = true, singleQuoted = true, block = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        blockPlain = false;
    if (trailingSpace)
        block = false;
    if (breakSpace)
        blockPlain = singleQuoted = false;
    if (spaceBreak || specialCharacters)
        blockPlain = singleQuoted = block = false;
    if (lineBreaks)
        blockPlain = false;
    if (blockIndicators)
        blockPlain = false;
    (void)flowIndicators;  // only matters in flow context, which kubectl's output never uses
    a.blockPlainAllowed = blockPlain;
    a.singleQuotedAllowed = singleQuoted;
    a.blockAllowed = block;
    return a;
}

enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal };

class Writer
{
public:
    std::string out;
    int column = 0;

    void put(std::string_view s)
    {
        out += s;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (((unsigned char)s[i] & 0xC0) != 0x80)
                ++column;
    }
    // A new output line indented to `indent` (the first line of the document has no break).
    void startLine(int indent)
    {
        if (!out.empty())
            out += '\n';
        out.append(std::size_t(indent), ' ');
        column = indent;
    }
};

Style chooseStyle(const std::string &s, bool simpleKey)
{
    Style style;
    const auto resolved = KubeconfigYaml::resolvePlain(s);
    const bool plainResolvesToString = resolved.type == KubeconfigYaml::ScalarType::String && !isBase60Float(s);
    if (s.find('\n') != std::string::npos)
        style = Style::Literal;
    else if (plainResolvesToString)
        style = Style::Plain;
    else
        style = Style::DoubleQuoted;
    const Analysis a = analyze(s);
    if (style == Style::Plain) {
        if (!a.blockPlainAllowed)
            style = Style::SingleQuoted;
        if (s.empty() && simpleKey)
            style = Style::SingleQuoted;
    }
    if (style == Style::SingleQuoted && !a.singleQuotedAllowed)
        style = Style::DoubleQuoted;
    if (style == Style::Literal && (!a.blockAllowed || simpleKey))
        style = Style::DoubleQuoted;
    return style;
}

void writePlain(Writer &w, std::string_view v, bool allowBreaks, int indent)
{
    bool spaces = false;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t width = 1;
        const std::uint32_t c = decodeUtf8(v, i, width);
        if (isSpace(c)) {
            const bool nextIsSpace = i + 1 < v.size() && v[i + 1] == ' ';
            if (allowBreaks && !spaces && w.column > kBestWidth && !nextIsSpace) {
                w.startLine(indent);
            } else {
                w.put(v.substr(i, width));
            }
            spaces = true;
        } else {
            w.put(v.substr(i, width));
            spaces = false;
        }
        i += width;
    }
}

void writeSingleQuoted(Writer &w, std::string_view v, bool allowBreaks, int indent)
{
    w.put("'");
    bool spaces = false;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t width = 1;
        const std::uint32_t c = decodeUtf8(v, i, width);
        if (isSpace(c)) {
            const bool nextIsSpace = i + 1 < v.size() && v[i + 1] == ' ';
            if (allowBreaks && !spaces && w.column > kBestWidth && i > 0 && i < v.size() - 1 && !nextIsSpace) {
                w.startLine(indent);
            } else {
                w.put(v.substr(i, width));
            }
            spaces = true;
        } else {
            if (c == '\'')
                w.put("'");
            w.put(v.substr(i, width));
            spaces = false;
        }
        i += width;
    }
    w.put("'");
}

void writeDoubleQuoted(Writer &w, std::string_view v, bool allowBreaks, int indent)
{
    w.put("\"");
    bool spaces = false;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t width = 1;
        const std::uint32_t c = decodeUtf8(v, i, width);
        if (const std::string escape = text::yamlDoubleQuotedEscape(c); !escape.empty()) {
            w.put(escape);
            spaces = false;
        } else if (isSpace(c)) {
            if (allowBreaks && !spaces && w.column > kBestWidth && i > 0 && i < v.size() - 1) {
                w.startLine(indent);
                if (i + 1 < v.size() && v[i + 1] == ' ')
                    w.put("\\");
            } else {
                w.put(v.substr(i, width));
            }
            spaces = true;
        } else {
            w.put(v.substr(i, width));
            spaces = false;
        }
        i += width;
    }
    w.put("\"");
}

void writeLiteral(Writer &w, std::string_view v, int indent)
{
    std::string header = "|";
    if (!v.empty() && (v[0] == ' ' || v[0] == '\n'))
        header += "2";
    if (v.empty() || v.back() != '\n')
        header += "-";
    else if (v.size() == 1 || v[v.size() - 2] == '\n')
        header += "+";
    w.put(header);
    // One output line per line of the value; empty lines carry no indentation. The text after
    // a final newline is empty and is not a line of its own.
    std::string_view rest = v;
    if (!rest.empty() && rest.back() == '\n')
        rest.remove_suffix(1);
    while (true) {
        const auto nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        w.out += '\n';
        w.column = 0;
        if (!line.empty()) {
            w.out.append(std::size_t(indent), ' ');
            w.column = indent;
            w.put(line);
        }
        if (nl == std::string_view::npos)
            break;
        rest.remove_prefix(nl + 1);
    }
}

void writeString(Writer &w, const std::string &s, bool simpleKey, int indent)
{
    switch (chooseStyle(s, simpleKey)) {
    case Style::Plain:
        writePlain(w, s, !simpleKey, indent);
        break;
    case Style::SingleQuoted:
        writeSingleQuoted(w, s, !simpleKey, indent);
        break;
    case Style::DoubleQuoted:
        writeDoubleQuoted(w, s, !simpleKey, indent);
        break;
    case Style::Literal:
        writeLiteral(w, s, indent);
        break;
    }
}

// strconv.FormatFloat(f, 'g', -1, 64), which go-yaml uses for floats.
std::string formatFloat(double f)
{
    if (std::isnan(f))
        return ".nan";
    if (std::isinf(f))
        return f > 0 ? ".inf" : "-.inf";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    // sci: [-]d[.ddd]e[+-]XX
    const auto e = sci.find('e');
    std::string mant = sci.substr(0, e);
    const int exp = std::stoi(sci.substr(e + 1));
    bool neg = false;
    if (!mant.empty() && mant[0] == '-') {
        neg = true;
        mant.erase(0, 1);
    }
    std::string digits;
    for (char c : mant)
        if (c != '.')
            digits += c;
    std::string out;
    if (exp < -4 || exp >= 6) {  // Go uses precision 6 for this choice when printing the shortest form
        out = digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    } else if (exp < 0) {
        out = "0." + std::string(std::size_t(-exp - 1), '0') + digits;
    } else {
        if (int(digits.size()) <= exp + 1) {
            out = digits + std::string(std::size_t(exp + 1 - int(digits.size())), '0');
        } else {
            out = digits.substr(0, std::size_t(exp + 1)) + "." + digits.substr(std::size_t(exp + 1));
        }
    }
    return neg ? "-" + out : out;
}

void writeScalar(Writer &w, const nlohmann::ordered_json &v, int indent)
{
    switch (v.type()) {
    case nlohmann::json::value_t::null:
        w.put("null");
        break;
    case nlohmann::json::value_t::boolean:
        w.put(v.get<bool>() ? "true" : "false");
        break;
    case nlohmann::json::value_t::number_integer:
        w.put(std::to_string(v.get<std::int64_t>()));
        break;
    case nlohmann::json::value_t::number_unsigned:
        w.put(std::to_string(v.get<std::uint64_t>()));
        break;
    case nlohmann::json::value_t::number_float:
        w.put(formatFloat(v.get<double>()));
        break;
    case nlohmann::json::value_t::string:
        writeString(w, v.get<std::string>(), false, indent);
        break;
    default:
        break;
    }
}

// go-yaml's key order: runs of digits compare numerically, letters sort after other runes.
bool keyLess(const std::string &a, const std::string &b)
{
    std::size_t i = 0;
    for (; i < a.size() && i < b.size(); ++i) {
        const char ac = a[i], bc = b[i];
        if (ac == bc)
            continue;
        const bool al = std::isalpha((unsigned char)ac) || (unsigned char)ac >= 0x80;
        const bool bl = std::isalpha((unsigned char)bc) || (unsigned char)bc >= 0x80;
        if (al && bl)
            return (unsigned char)ac < (unsigned char)bc;
        if (al || bl)
            return bl;
        std::int64_t an = 0, bn = 0;
        if (ac == '0' || bc == '0') {
            for (std::size_t j = i; j-- > 0 && isDigit(a[j]);) {
                if (a[j] != '0') {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        // Go's int64 arithmetic wraps on a run of more than 18 digits; so does this (unsigned,
        // then back to int64: modular in C++20), where signed overflow would be undefined.
        const auto push = [](std::int64_t n, char digit) {
            return static_cast<std::int64_t>(static_cast<std::uint64_t>(n) * 10u + static_cast<std::uint64_t>(digit - '0'));
        };
        std::size_t ai = i, bi = i;
        for (; ai < a.size() && isDigit(a[ai]); ++ai)
            an = push(an, a[ai]);
        for (; bi < b.size() && isDigit(b[bi]); ++bi)
            bn = push(bn, b[bi]);
        if (an != bn)
            return an < bn;
        if (ai != bi)
            return ai < bi;
        return (unsigned char)ac < (unsigned char)bc;
    }
    return a.size() < b.size();
}

bool isEmptyCollection(const nlohmann::ordered_json &v)
{
    return (v.is_object() || v.is_array()) && v.empty();
}

void writeSequence(Writer &w, const nlohmann::ordered_json &seq, int indent, bool inlineStart);
// A node written where its first line has begun already (after "- ", "? key" / ": ", or at the
// start of the document): a collection starts on that line, its later lines at `indent`.
void writeAfterIndicator(Writer &w, const nlohmann::ordered_json &node, int indent);

void writeMapping(Writer &w, const nlohmann::ordered_json &map, int indent, bool inlineStart)
{
    std::vector<std::string> keys;
    for (auto it = map.begin(); it != map.end(); ++it)
        keys.push_back(it.key());
    std::stable_sort(keys.begin(), keys.end(), keyLess);
    bool first = true;
    for (const auto &key : keys) {
        if (!(first && inlineStart))
            w.startLine(indent);
        first = false;
        const auto &value = map.at(key);
        // libyaml writes a key as a simple (implicit) key only when it is at most 128 bytes on
        // one line (YAML caps implicit keys at 1,024 characters, and a reader refuses longer
        // ones); any other key is explicit: "? key", then ": value" on the next line, with a
        // collection value starting on that line.
        if (key.size() > kMaxSimpleYamlKeyBytes || analyze(key).multiline) {
            w.put("? ");
            writeString(w, key, false, indent + 2);
            w.startLine(indent);
            w.put(": ");
            writeAfterIndicator(w, value, indent + 2);
            continue;
        }
        writeString(w, key, true, indent);
        w.put(":");
        if (value.is_object() && !value.empty()) {
            writeMapping(w, value, indent + 2, false);
        } else if (value.is_array() && !value.empty()) {
            // go-yaml writes sequences inside mappings without extra indentation.
            writeSequence(w, value, indent, false);
        } else {
            w.put(" ");
            if (isEmptyCollection(value))
                w.put(value.is_object() ? "{}" : "[]");
            else
                writeScalar(w, value, indent + 2);
        }
    }
}

void writeSequence(Writer &w, const nlohmann::ordered_json &seq, int indent, bool inlineStart)
{
    bool first = true;
    for (const auto &item : seq) {
        if (!(first && inlineStart))
            w.startLine(indent);
        first = false;
        w.put("- ");
        writeAfterIndicator(w, item, indent + 2);
    }
}

void writeAfterIndicator(Writer &w, const nlohmann::ordered_json &node, int indent)
{
    if (node.is_object() && !node.empty())
        writeMapping(w, node, indent, true);
    else if (node.is_array() && !node.empty())
        writeSequence(w, node, indent, true);
    else if (isEmptyCollection(node))
        w.put(node.is_object() ? "{}" : "[]");
    else
        writeScalar(w, node, indent);
}

} // namespace

std::string KubeconfigYaml::dump(const nlohmann::ordered_json &document)
{
    Writer w;
    writeAfterIndicator(w, document, 0);  // a document starts as a node after an indicator does
    w.out += '\n';
    return w.out;
}

} // namespace kube
