// A kubectl-style table for tenantryctl's tenancy listings: upper-case headers, columns padded
// to the widest cell and separated by three spaces, "<none>" for empty cells.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace ctl {

class TenancyTable
{
public:
    explicit TenancyTable(std::vector<std::string> headers);

    void addRow(std::vector<std::string> cells);
    // kubectl's --no-headers: the rows alone (widths still count the header).
    void hideHeader() { m_showHeader = false; }
    bool empty() const { return m_rows.empty(); }
    size_t rowCount() const { return m_rows.size(); }
    // Prints the table; with no rows prints kubectl's "No resources found" note to stderr.
    void print(FILE *out, const std::string &emptyNote = "No resources found") const;

private:
    std::vector<std::string> m_headers;
    std::vector<std::vector<std::string>> m_rows;
    bool m_showHeader = true;
};

// Display width of UTF-8 text (code points; the table holds no wide characters).
size_t displayWidth(const std::string &text);
// "5s", "12m", "3h", "4d" like kubectl's AGE column; "<unknown>" for an unparsable time.
std::string ageOf(const std::string &timestamp);

} // namespace ctl
