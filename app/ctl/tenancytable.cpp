// Table layout for the tenancy listings. kubectl's printer pads with spaces (tabwriter, 3
// spaces of gap) and never truncates; scripts that cut columns rely on that, so do we.
#include "tenancytable.h"

#include <algorithm>
#include <ctime>

namespace ctl {

namespace {
constexpr const char *kNone = "<none>";
constexpr int kGap = 3;
} // namespace

size_t displayWidth(const std::string &text)
{
    size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string ageOf(const std::string &timestamp)
{
    std::tm tm{};
    if (timestamp.size() < 19 || !strptime(timestamp.c_str(), "%Y-%m-%dT%H:%M:%S", &tm))
        return "<unknown>";
    const long long secs = std::max(0LL, static_cast<long long>(std::time(nullptr) - timegm(&tm)));
    // kubectl's duration.HumanDuration thresholds, simplified to one unit.
    if (secs < 120)
        return std::to_string(secs) + "s";
    if (secs < 60 * 60 * 2)
        return std::to_string(secs / 60) + "m";
    if (secs < 60 * 60 * 48)
        return std::to_string(secs / 3600) + "h";
    return std::to_string(secs / 86400) + "d";
}

TenancyTable::TenancyTable(std::vector<std::string> headers)
    : m_headers(std::move(headers))
{
}

void TenancyTable::addRow(std::vector<std::string> cells)
{
    cells.resize(m_headers.size());
    for (auto &c : cells)
        if (c.empty())
            c = kNone;
    m_rows.push_back(std::move(cells));
}

void TenancyTable::print(FILE *out, const std::string &emptyNote) const
{
    if (m_rows.empty()) {
        std::fprintf(stderr, "%s\n", emptyNote.c_str());
        return;
    }
    std::vector<size_t> widths(m_headers.size());
    for (size_t c = 0; c < m_headers.size(); ++c) {
        widths[c] = displayWidth(m_headers[c]);
        for (const auto &row : m_rows)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    auto line = [&](const std::vector<std::string> &cells) {
        std::string text;
        for (size_t c = 0; c < cells.size(); ++c) {
            text += cells[c];
            if (c + 1 < cells.size())
                text += std::string(widths[c] - displayWidth(cells[c]) + kGap, ' ');
        }
        std::fprintf(out, "%s\n", text.c_str());
    };
    if (m_showHeader)
        line(m_headers);
    for (const auto &row : m_rows)
        line(row);
}

} // namespace ctl
