// A small scanner over Rego text: top-level statements start at the beginning of a line
// outside any brackets, comments and strings; that is all it needs to find rule heads.
// Nothing here decides a request: the engine evaluates the module itself, the probe only
// names the rule that allowed.
#include "kubeclient/rbac/regomodule.h"

#include <cctype>

namespace kube::rbac {

namespace {
bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(const std::string &s)
{
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

// The text without comments (strings kept as they are).
std::string withoutComments(const std::string &text)
{
    std::string out;
    bool inString = false, inRaw = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
        } else if (inRaw) {
            out += c;
            if (c == '`')
                inRaw = false;
        } else if (c == '#') {
            while (i < text.size() && text[i] != '\n')
                ++i;
            if (i < text.size())
                out += '\n';
        } else {
            inString = c == '"';
            inRaw = c == '`';
            out += c;
        }
    }
    return out;
}

// A rule's text on one line: body statements joined by "; ".
std::string oneLine(const std::string &text)
{
    std::string out, previous;
    size_t start = 0;
    const std::string clean = withoutComments(text);
    while (start <= clean.size()) {
        size_t nl = clean.find('\n', start);
        if (nl == std::string::npos)
            nl = clean.size();
        const std::string line = trim(clean.substr(start, nl - start));
        start = nl + 1;
        if (line.empty())
            continue;
        if (!out.empty())
            out += previous.back() == '{' || line.front() == '}' ? " " : "; ";
        out += line;
        previous = line;
    }
    constexpr size_t kMax = 240;
    if (out.size() > kMax)
        out = out.substr(0, kMax - 3) + "...";
    return out;
}
} // namespace

RegoModule::RegoModule(std::string text) : m_text(std::move(text)) { scan(); }

void RegoModule::scan()
{
    int depth = 0, line = 1;
    bool inString = false, inRaw = false;
    bool lineStart = true;
    // Where the last statement's text ends (the last character outside comments and blanks).
    size_t lastContent = 0;
    auto closeHead = [&] {
        if (!m_heads.empty() && m_heads.back().end == 0)
            m_heads.back().end = lastContent;
    };
    for (size_t i = 0; i < m_text.size(); ++i) {
        const char c = m_text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            else if (c == '\n')
                ++line;
            lastContent = i + 1;
            continue;
        }
        if (inRaw) {
            if (c == '`')
                inRaw = false;
            else if (c == '\n')
                ++line;
            lastContent = i + 1;
            continue;
        }
        if (c == '\n') {
            ++line;
            lineStart = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r')
            continue;
        if (c == '#') {
            while (i + 1 < m_text.size() && m_text[i + 1] != '\n')
                ++i;
            continue;
        }
        const bool statementStart = lineStart && depth == 0;
        lineStart = false;
        if (statementStart && identChar(c)) {
            closeHead();
            size_t j = i;
            while (j < m_text.size() && identChar(m_text[j]))
                ++j;
            const std::string word = m_text.substr(i, j - i);
            if (word == "package") {
                size_t e = m_text.find('\n', j);
                if (e == std::string::npos)
                    e = m_text.size();
                std::string path = trim(withoutComments(m_text.substr(j, e - j)));
                m_package = path;
                m_packageBegin = i;
                m_packageEnd = e;
                m_hasPackage = true;
            } else if (word != "default" && word != "import") {
                Head h;
                h.offset = i;
                h.line = line;
                h.name = word;
                m_heads.push_back(h);
            }
        }
        if (c == '"')
            inString = true;
        else if (c == '`')
            inRaw = true;
        else if (c == '{' || c == '[' || c == '(')
            ++depth;
        else if ((c == '}' || c == ']' || c == ')') && depth > 0)
            --depth;
        lastContent = i + 1;
    }
    closeHead();
}

std::vector<RegoRule> RegoModule::rules(const std::string &name) const
{
    std::vector<RegoRule> out;
    for (const auto &h : m_heads) {
        if (h.name != name)
            continue;
        RegoRule r;
        r.name = h.name;
        r.line = h.line;
        r.text = oneLine(m_text.substr(h.offset, h.end > h.offset ? h.end - h.offset : 0));
        out.push_back(std::move(r));
    }
    return out;
}

std::string RegoModule::probeRuleName(int line) { return "tenantry_rule_L" + std::to_string(line); }

int RegoModule::lineOfProbeRule(const std::string &ruleName)
{
    static const std::string prefix = "tenantry_rule_L";
    if (ruleName.rfind(prefix, 0) != 0 || ruleName.size() == prefix.size())
        return 0;
    int line = 0;
    for (size_t i = prefix.size(); i < ruleName.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(ruleName[i])) || line > 10'000'000)
            return 0;
        line = line * 10 + (ruleName[i] - '0');
    }
    return line;
}

std::string RegoModule::probe(const std::string &probePackage, const std::string &name) const
{
    if (!m_hasPackage)
        return {};
    std::string out;
    size_t at = 0;
    bool renamed = false;
    auto copyTo = [&](size_t offset) {
        out.append(m_text, at, offset - at);
        at = offset;
    };
    copyTo(m_packageBegin);
    out += "package " + probePackage;
    at = m_packageEnd;
    for (const auto &h : m_heads) {
        if (h.name != name || h.offset < at)
            continue;
        copyTo(h.offset);
        out += probeRuleName(h.line);
        at = h.offset + h.name.size();
        renamed = true;
    }
    if (!renamed)
        return {};
    out.append(m_text, at, std::string::npos);
    return out;
}

std::optional<std::set<std::string>> RegoModule::inputFields() const
{
    std::set<std::string> fields;
    const std::string code = withoutComments(m_text);
    bool inString = false, inRaw = false;
    for (size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (inRaw) {
            inRaw = c != '`';
            continue;
        }
        if (c == '"' || c == '`') {
            inString = c == '"';
            inRaw = c == '`';
            continue;
        }
        if (!identChar(c) || (i > 0 && (identChar(code[i - 1]) || code[i - 1] == '.')))
            continue;
        size_t j = i;
        while (j < code.size() && identChar(code[j]))
            ++j;
        if (code.compare(i, j - i, "input") == 0) {
            size_t k = j;
            if (k < code.size() && code[k] == '.' && k + 1 < code.size() && identChar(code[k + 1])) {
                size_t e = k + 1;
                while (e < code.size() && identChar(code[e]))
                    ++e;
                fields.insert(code.substr(k + 1, e - k - 1));
                j = e;
            } else {
                return std::nullopt;  // read some other way: every field counts
            }
        }
        i = j - 1;
    }
    return fields;
}

} // namespace kube::rbac
