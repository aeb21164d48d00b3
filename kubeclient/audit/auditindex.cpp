// The audit index: rows of ~72 bytes in chunks (no reallocation of what readers hold), strings
// interned once, the bytes of each event left in its file. Indexing appends batch by batch
// under a write lock; queries take a read lock and see every batch appended so far.
#include "kubeclient/audit/auditindex.h"

#include "kubeclient/audit/auditfile.h"
#include "kubeclient/audit/auditparser.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <deque>
#include <set>
#include <shared_mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace kube::audit {

namespace {

constexpr size_t kChunkBits = 16;
constexpr size_t kChunkRows = size_t(1) << kChunkBits;
constexpr size_t kReadSize = 4 * 1024 * 1024;
constexpr size_t kMaxLine = 512 * 1024 * 1024;
constexpr size_t kSkippedKept = 1000;
constexpr size_t kProgressRows = 65536;

std::string lowerCopy(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> splitList(const std::string &s)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos)
            comma = s.size();
        std::string part = s.substr(start, comma - start);
        while (!part.empty() && part.front() == ' ')
            part.erase(part.begin());
        while (!part.empty() && part.back() == ' ')
            part.pop_back();
        if (!part.empty())
            out.push_back(part);
        start = comma + 1;
    }
    return out;
}

class StringPool
{
public:
    StringPool()
    {
        m_strings.emplace_back();
        m_ids.emplace(std::string_view(m_strings.back()), 0);
    }
    std::uint32_t intern(std::string_view s)
    {
        if (s.empty())
            return 0;
        auto it = m_ids.find(s);
        if (it != m_ids.end())
            return it->second;
        m_strings.emplace_back(s);
        const auto id = std::uint32_t(m_strings.size() - 1);
        m_ids.emplace(std::string_view(m_strings.back()), id);
        return id;
    }
    // 0 and false when unknown.
    bool find(std::string_view s, std::uint32_t &id) const
    {
        auto it = m_ids.find(s);
        if (it == m_ids.end())
            return false;
        id = it->second;
        return true;
    }
    const std::string &at(std::uint32_t id) const { return m_strings[id]; }
    size_t size() const { return m_strings.size(); }

private:
    std::deque<std::string> m_strings;  // stable addresses for the map's views
    std::unordered_map<std::string_view, std::uint32_t> m_ids;
};

struct FileEntry {
    std::string path;
    std::shared_ptr<AuditFile> file;
    std::string stale;        // why its events can no longer be read ("" while they can)
    std::uint64_t consumed = 0;  // stream offset after the last complete line
    std::uint64_t lines = 0;     // complete lines read
};

} // namespace

struct AuditIndex::State {
    mutable std::shared_mutex mutex;
    std::vector<std::unique_ptr<AuditRow[]>> chunks;
    size_t rows = 0;
    StringPool pool;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> groupMembers;  // groups id → group ids
    std::unordered_map<std::uint32_t, std::uint32_t> nsWorkspace;              // ns id → workspace id
    std::vector<RowId> order;  // rows [0, order.size()) sorted by time
    std::vector<FileEntry> files;
    std::vector<SkippedLine> skipped;
    size_t skippedCount = 0;
    std::string lastPath;  // the last file given to index(): what follow() follows

    AuditRow &at(size_t i) { return chunks[i >> kChunkBits][i & (kChunkRows - 1)]; }
    const AuditRow &at(size_t i) const { return chunks[i >> kChunkBits][i & (kChunkRows - 1)]; }

    void append(const AuditRow &r)
    {
        if ((rows >> kChunkBits) >= chunks.size())
            chunks.emplace_back(new AuditRow[kChunkRows]);
        at(rows) = r;
        ++rows;
    }

    std::uint32_t internGroups(const std::vector<std::string> &groups)
    {
        if (groups.empty())
            return 0;
        std::string joined;
        for (const auto &g : groups) {
            if (!joined.empty())
                joined += '\n';
            joined += g;
        }
        const std::uint32_t id = pool.intern(joined);
        if (!groupMembers.count(id)) {
            std::vector<std::uint32_t> members;
            for (const auto &g : groups)
                members.push_back(pool.intern(g));
            groupMembers.emplace(id, std::move(members));
        }
        return id;
    }

    std::uint32_t workspaceOf(const AuditRow &r) const
    {
        if (r.workspace)
            return r.workspace;
        if (r.ns) {
            auto it = nsWorkspace.find(r.ns);
            if (it != nsWorkspace.end())
                return it->second;
        }
        if (r.name && !r.apiGroup && r.resource) {
            // A Namespace object created or deleted (no objectRef.namespace on a create).
            if (pool.at(r.resource) == "namespaces") {
                auto it = nsWorkspace.find(r.name);
                if (it != nsWorkspace.end())
                    return it->second;
            }
        }
        return 0;
    }

    void sortAll()
    {
        const size_t from = order.size();
        order.reserve(rows);
        for (size_t i = from; i < rows; ++i)
            order.push_back(RowId(i));
        auto byTime = [this](RowId a, RowId b) { return at(a).timeMs < at(b).timeMs; };
        std::stable_sort(order.begin() + long(from), order.end(), byTime);
        std::inplace_merge(order.begin(), order.begin() + long(from), order.end(), byTime);
    }
};

AuditIndex::AuditIndex() : m(std::make_unique<State>()) {}
AuditIndex::~AuditIndex() = default;

// Reads file `fileId` from where it was last consumed to its end, appending rows batch by
// batch; a partial last line stays unconsumed. Shared by index() and follow().
struct IndexReader {
    static Result<void> consume(AuditIndex::State &st, size_t fileId, const IndexOptions &options,
                                IndexProgress &progress, bool &firstSignalled, size_t &rowsAtLastProgress);
};

Result<void> IndexReader::consume(AuditIndex::State &st, size_t fileId, const IndexOptions &options,
                                  IndexProgress &progress, bool &firstSignalled, size_t &rowsAtLastProgress)
{
    std::shared_ptr<AuditFile> file;
    std::uint64_t offset, lineNo;
    std::string path;
    {
        std::shared_lock lock(st.mutex);
        file = st.files[fileId].file;
        offset = st.files[fileId].consumed;
        lineNo = st.files[fileId].lines;
        path = st.files[fileId].path;
    }
    file->seek(offset);
    std::string buffer;
    buffer.resize(kReadSize);
    size_t have = 0;  // bytes in buffer not yet consumed (a partial line at the front)
    std::vector<ScannedEvent> scanned;
    std::vector<std::pair<ScannedEvent, std::uint64_t>> batch;  // event, line start offset
    std::vector<SkippedLine> skippedBatch;
    size_t skippedInBatch = 0;
    std::string why;
    const std::uint64_t baseBytes = progress.bytesDone;
    bool eof = false;
    while (!eof) {
        if (options.cancel && options.cancel->cancelled())
            return Error::make(ErrorKind::Cancelled, "indexing was cancelled", path);
        if (have == buffer.size()) {
            if (buffer.size() >= kMaxLine)
                return Error::make(ErrorKind::Invalid, "a line is longer than 512 MiB", path + ":" + std::to_string(lineNo + 1));
            buffer.resize(buffer.size() * 2);
        }
        auto n = file->read(buffer.data() + have, buffer.size() - have);
        if (!n)
            return n.error();
        eof = *n == 0;
        const size_t filled = have + *n;
        size_t pos = 0;
        batch.clear();
        skippedBatch.clear();
        skippedInBatch = 0;
        while (pos < filled) {
            const char *nl = static_cast<const char *>(std::memchr(buffer.data() + pos, '\n', filled - pos));
            if (!nl)
                break;
            const size_t end = size_t(nl - buffer.data());
            std::string_view line(buffer.data() + pos, end - pos);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            ++lineNo;
            scanned.clear();
            if (!scanLine(line, scanned, &why)) {
                ++skippedInBatch;
                skippedBatch.push_back({path, lineNo, why});
            } else {
                for (auto &ev : scanned)
                    batch.emplace_back(std::move(ev), offset + pos);
            }
            pos = end + 1;
        }
        {
            std::unique_lock lock(st.mutex);
            for (auto &[ev, lineStart] : batch) {
                AuditRow r;
                r.timeMs = ev.timeMs;
                r.offset = lineStart + ev.begin;
                r.length = std::uint32_t(ev.length);
                r.verb = st.pool.intern(ev.verb);
                r.user = st.pool.intern(ev.user);
                r.groups = st.internGroups(ev.groups);
                r.resource = st.pool.intern(ev.resource);
                r.subresource = st.pool.intern(ev.subresource);
                r.apiGroup = st.pool.intern(ev.apiGroup);
                r.ns = st.pool.intern(ev.ns);
                r.name = st.pool.intern(ev.name);
                r.workspace = st.pool.intern(ev.workspace);
                r.file = std::uint16_t(fileId);
                r.code = std::uint16_t(ev.code < 0 || ev.code > 65535 ? 0 : ev.code);
                r.item = std::uint16_t(ev.item);
                r.source = ev.source;
                r.stage = ev.stage;
                r.level = ev.level;
                r.decision = ev.decision;
                st.append(r);
            }
            st.skippedCount += skippedInBatch;
            for (auto &s : skippedBatch)
                if (st.skipped.size() < kSkippedKept)
                    st.skipped.push_back(std::move(s));
            st.files[fileId].consumed = offset + pos;
            st.files[fileId].lines = lineNo;
            progress.rows = st.rows;
            progress.skipped = st.skippedCount;
        }
        offset += pos;
        have = filled - pos;
        if (have && pos)
            std::memmove(buffer.data(), buffer.data() + pos, have);
        progress.bytesDone = baseBytes + (file->compressed() ? file->rawPosition() : offset);
        if (!firstSignalled && progress.rows > 0) {
            firstSignalled = true;
            if (options.firstRows)
                options.firstRows();
        }
        if (options.progress && progress.rows - rowsAtLastProgress >= kProgressRows) {
            rowsAtLastProgress = progress.rows;
            options.progress(progress);
        }
    }
    return {};
}

Result<void> AuditIndex::index(const std::vector<std::string> &files, const IndexOptions &options)
{
    std::vector<std::string> paths;
    for (const auto &f : files) {
        if (options.rotatedBackups) {
            for (auto &p : withRotatedBackups(f))
                paths.push_back(std::move(p));
        } else {
            paths.push_back(f);
        }
    }
    // Open them all first: a missing file is reported before minutes of indexing, not after.
    std::vector<std::shared_ptr<AuditFile>> opened;
    IndexProgress progress;
    for (const auto &p : paths) {
        auto f = AuditFile::open(p);
        if (!f)
            return f.error();
        progress.bytesTotal += (*f)->sizeOnDisk();
        opened.push_back(std::shared_ptr<AuditFile>(std::move(*f)));
    }
    progress.fileCount = paths.size();
    bool firstSignalled = false;
    size_t rowsAtLastProgress = 0;
    Result<void> result;
    for (size_t i = 0; i < opened.size(); ++i) {
        size_t id;
        {
            std::unique_lock lock(m->mutex);
            if (m->files.size() >= 65535)
                return Error::make(ErrorKind::Invalid, "more than 65535 audit files", paths[i]);
            id = m->files.size();
            m->files.push_back({paths[i], opened[i], {}, 0, 0});
            if (!files.empty())
                m->lastPath = files.back();
        }
        progress.fileIndex = i;
        progress.file = paths[i];
        const std::uint64_t before = progress.bytesDone;
        result = IndexReader::consume(*m, id, options, progress, firstSignalled, rowsAtLastProgress);
        progress.bytesDone = before + opened[i]->sizeOnDisk();
        {
            std::unique_lock lock(m->mutex);
            FileEntry &fe = m->files[id];
            // A last line without a newline: complete JSON is an event (the writer may have
            // stopped mid-way; a later follow() would read it again, so only count it here).
            if (result.ok()) {
                const std::uint64_t total = opened[i]->compressed() ? fe.consumed : opened[i]->sizeOnDisk();
                if (!opened[i]->compressed() && total > fe.consumed) {
                    auto tail = opened[i]->readAt(fe.consumed, std::uint32_t(std::min<std::uint64_t>(total - fe.consumed, kMaxLine)));
                    std::vector<ScannedEvent> scanned;
                    std::string why;
                    if (tail && !scanLine(*tail, scanned, &why)) {
                        ++m->skippedCount;
                        if (m->skipped.size() < kSkippedKept)
                            m->skipped.push_back({paths[i], fe.lines + 1, why + " (last line, no newline)"});
                    }
                }
            }
            m->sortAll();
            progress.rows = m->rows;
            progress.skipped = m->skippedCount;
        }
        if (options.progress)
            options.progress(progress);
        if (!result)
            return result;
    }
    progress.done = true;
    if (options.progress)
        options.progress(progress);
    return {};
}

Result<void> AuditIndex::follow(const FollowOptions &options, const std::string &pathIn)
{
    std::string path = pathIn;
    size_t id = SIZE_MAX;
    {
        std::shared_lock lock(m->mutex);
        if (path.empty())
            path = m->lastPath;
        for (size_t i = m->files.size(); i-- > 0;)
            if (m->files[i].path == path && m->files[i].stale.empty()) {
                id = i;
                break;
            }
    }
    if (path.empty())
        return Error::make(ErrorKind::Invalid, "no file to follow: index one first or name it");
    auto addFile = [&](std::shared_ptr<AuditFile> f) -> Result<size_t> {
        std::unique_lock lock(m->mutex);
        if (m->files.size() >= 65535)
            return Error::make(ErrorKind::Invalid, "more than 65535 audit files", path);
        m->files.push_back({path, std::move(f), {}, 0, 0});
        return m->files.size() - 1;
    };
    if (id == SIZE_MAX) {
        auto f = AuditFile::open(path);
        if (!f)
            return f.error();
        auto added = addFile(std::shared_ptr<AuditFile>(std::move(*f)));
        if (!added)
            return added.error();
        id = *added;
    }
    IndexOptions io;
    io.cancel = options.cancel;
    IndexProgress progress;
    bool first = true;
    size_t lastProgress = 0;
    auto readNew = [&]() -> Result<void> {
        const size_t before = rowCount();
        auto r = IndexReader::consume(*m, id, io, progress, first, lastProgress);
        const size_t after = rowCount();
        if (after > before) {
            {
                std::unique_lock lock(m->mutex);
                m->sortAll();
            }
            if (options.appended)
                options.appended(RowId(before), RowId(after));
        }
        return r;
    };
    if (auto r = readNew(); !r)
        return r;
    bool missingNoted = false;
    for (;;) {
        for (int waited = 0; waited < options.pollMs; waited += 25) {
            if (options.cancel && options.cancel->cancelled())
                return {};
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        if (options.cancel && options.cancel->cancelled())
            return {};
        struct stat st{};
        if (::stat(path.c_str(), &st) != 0) {
            if (!missingNoted && options.notice)
                options.notice(path + " is gone; waiting for it to appear again");
            missingNoted = true;
            continue;
        }
        missingNoted = false;
        std::shared_ptr<AuditFile> current;
        std::uint64_t consumed;
        {
            std::shared_lock lock(m->mutex);
            current = m->files[id].file;
            consumed = m->files[id].consumed;
        }
        if (std::uint64_t(st.st_ino) != current->inode()) {
            // Rotated: the old file (still open) may have got its last lines before the rename.
            if (auto r = readNew(); !r)
                return r;
            auto f = AuditFile::open(path);
            if (!f)
                continue;  // renamed away and not yet re-created
            auto added = addFile(std::shared_ptr<AuditFile>(std::move(*f)));
            if (!added)
                return added.error();
            id = *added;
            if (options.notice)
                options.notice(path + " was rotated; following the new file");
        } else if (std::uint64_t(st.st_size) < consumed) {
            // Truncated in place (copytruncate): earlier events' bytes are gone from it.
            {
                std::unique_lock lock(m->mutex);
                m->files[id].stale = "the file was truncated after this event was read";
                m->files.push_back({path, m->files[id].file, {}, 0, 0});
                id = m->files.size() - 1;
            }
            if (options.notice)
                options.notice(path + " was truncated; reading it from the start");
        } else if (std::uint64_t(st.st_size) == consumed) {
            continue;
        }
        if (auto r = readNew(); !r)
            return r;
    }
}

size_t AuditIndex::rowCount() const
{
    std::shared_lock lock(m->mutex);
    return m->rows;
}

AuditRow AuditIndex::row(RowId id) const
{
    std::shared_lock lock(m->mutex);
    return id < m->rows ? m->at(id) : AuditRow{};
}

AuditRowText AuditIndex::rowText(RowId id) const
{
    std::shared_lock lock(m->mutex);
    AuditRowText t;
    if (id >= m->rows)
        return t;
    const AuditRow &r = m->at(id);
    t.id = id;
    t.timeMs = r.timeMs;
    t.source = r.source;
    t.verb = m->pool.at(r.verb);
    t.user = m->pool.at(r.user);
    t.resource = m->pool.at(r.resource);
    t.subresource = m->pool.at(r.subresource);
    t.apiGroup = m->pool.at(r.apiGroup);
    t.ns = m->pool.at(r.ns);
    t.name = m->pool.at(r.name);
    if (auto it = m->groupMembers.find(r.groups); it != m->groupMembers.end())
        for (auto g : it->second)
            t.groups.push_back(m->pool.at(g));
    t.workspace = m->pool.at(m->workspaceOf(r));
    t.code = r.code;
    t.decision = r.decision;
    t.stage = r.stage;
    t.level = r.level;
    t.file = m->files[r.file].path;
    return t;
}

std::string AuditIndex::text(std::uint32_t stringId) const
{
    std::shared_lock lock(m->mutex);
    return stringId < m->pool.size() ? m->pool.at(stringId) : std::string();
}

std::vector<std::string> AuditIndex::groupsOf(std::uint32_t groupsId) const
{
    std::shared_lock lock(m->mutex);
    std::vector<std::string> out;
    if (auto it = m->groupMembers.find(groupsId); it != m->groupMembers.end())
        for (auto g : it->second)
            out.push_back(m->pool.at(g));
    return out;
}

std::vector<std::string> AuditIndex::files() const
{
    std::shared_lock lock(m->mutex);
    std::vector<std::string> out;
    for (const auto &f : m->files)
        out.push_back(f.path);
    return out;
}

std::vector<SkippedLine> AuditIndex::skipped(std::size_t max) const
{
    std::shared_lock lock(m->mutex);
    return {m->skipped.begin(), m->skipped.begin() + long(std::min(max, m->skipped.size()))};
}

std::size_t AuditIndex::skippedCount() const
{
    std::shared_lock lock(m->mutex);
    return m->skippedCount;
}

void AuditIndex::setNamespaceWorkspaces(std::map<std::string, std::string> nsToWorkspace)
{
    std::unique_lock lock(m->mutex);
    m->nsWorkspace.clear();
    for (const auto &[ns, ws] : nsToWorkspace)
        if (!ns.empty() && !ws.empty())
            m->nsWorkspace[m->pool.intern(ns)] = m->pool.intern(ws);
}

std::string AuditIndex::workspaceOf(RowId id) const
{
    std::shared_lock lock(m->mutex);
    return id < m->rows ? m->pool.at(m->workspaceOf(m->at(id))) : std::string();
}

std::vector<RowId> AuditIndex::query(const AuditFilter &f) const
{
    std::shared_lock lock(m->mutex);
    const State &st = *m;
    std::vector<RowId> out;
    // Each condition becomes ids to compare; a value never seen matches nothing.
    auto idOf = [&](const std::string &s, std::uint32_t &id) { return st.pool.find(s, id); };
    std::uint32_t nsId = 0, nameId = 0, wsId = 0, userId = 0;
    if ((!f.ns.empty() && !idOf(f.ns, nsId)) || (!f.name.empty() && !idOf(f.name, nameId))
        || (!f.workspace.empty() && !idOf(f.workspace, wsId)) || (!f.user.empty() && !idOf(f.user, userId)))
        return out;
    std::uint32_t namespacesId = 0;
    idOf("namespaces", namespacesId);
    std::unordered_set<std::uint32_t> userGroups;  // group sets holding the user as a group
    if (!f.user.empty())
        for (const auto &[setId, members] : st.groupMembers)
            if (std::find(members.begin(), members.end(), userId) != members.end())
                userGroups.insert(setId);
    std::vector<std::uint32_t> verbs;
    for (const auto &v : splitList(f.verb)) {
        std::uint32_t id;
        if (idOf(v, id))
            verbs.push_back(id);
    }
    if (!f.verb.empty() && verbs.empty())
        return out;
    struct ResourceCond {
        std::uint32_t resource = 0;
        bool anySub = true, anyGroup = true;
        std::uint32_t sub = 0, group = 0;
    };
    std::vector<ResourceCond> resources;
    for (const auto &r : splitList(f.resource)) {
        ResourceCond c;
        std::string res = r;
        if (auto slash = res.find('/'); slash != std::string::npos) {
            c.anySub = false;
            if (!idOf(res.substr(slash + 1), c.sub))
                continue;
            res = res.substr(0, slash);
        }
        if (auto dot = res.find('.'); dot != std::string::npos) {
            c.anyGroup = false;
            if (!idOf(res.substr(dot + 1), c.group))
                continue;
            res = res.substr(0, dot);
        }
        if (!idOf(res, c.resource))
            continue;
        resources.push_back(c);
    }
    if (!f.resource.empty() && resources.empty())
        return out;
    // Free text: every pool string that contains it, once per query.
    std::vector<bool> textHit;
    std::string needle;
    if (!f.text.empty()) {
        needle = lowerCopy(f.text);
        textHit.resize(st.pool.size());
        for (size_t i = 1; i < st.pool.size(); ++i)
            textHit[i] = lowerCopy(st.pool.at(std::uint32_t(i))).find(needle) != std::string::npos;
    }
    auto matches = [&](const AuditRow &r) {
        if (f.sinceMs && r.timeMs < *f.sinceMs) return false;
        if (f.untilMs && r.timeMs >= *f.untilMs) return false;
        // A project's events include those of its Namespace object (a create has no
        // objectRef.namespace; the journal records a Namespace write without one).
        if (nsId && r.ns != nsId && !(r.name == nsId && namespacesId && r.resource == namespacesId && !r.apiGroup))
            return false;
        if (nameId && r.name != nameId) return false;
        if (f.code && r.code != *f.code) return false;
        if (f.decision != Decision::Unknown && r.decision != f.decision) return false;
        if (f.source && r.source != *f.source) return false;
        if (!verbs.empty() && std::find(verbs.begin(), verbs.end(), r.verb) == verbs.end()) return false;
        if (userId && r.user != userId && !userGroups.count(r.groups)) return false;
        if (!resources.empty()) {
            bool any = false;
            for (const auto &c : resources)
                if (r.resource == c.resource && (c.anySub || r.subresource == c.sub) && (c.anyGroup || r.apiGroup == c.group)) {
                    any = true;
                    break;
                }
            if (!any) return false;
        }
        if (wsId && st.workspaceOf(r) != wsId) return false;
        if (!needle.empty()) {
            const std::uint32_t fields[] = {r.verb, r.user, r.groups, r.resource, r.subresource, r.apiGroup, r.ns, r.name,
                                            st.workspaceOf(r)};
            bool hit = false;
            for (auto id : fields)
                if (id && textHit[id]) {
                    hit = true;
                    break;
                }
            if (!hit && r.code && std::to_string(r.code).find(needle) != std::string::npos)
                hit = true;
            if (!hit) return false;
        }
        return true;
    };
    for (RowId id : st.order)
        if (matches(st.at(id)))
            out.push_back(id);
    // Rows appended since the last sort (a follow between polls) go after, in time order.
    const size_t sortedEnd = out.size();
    for (size_t i = st.order.size(); i < st.rows; ++i)
        if (matches(st.at(i)))
            out.push_back(RowId(i));
    if (out.size() > sortedEnd) {
        auto byTime = [&](RowId a, RowId b) { return st.at(a).timeMs < st.at(b).timeMs; };
        std::stable_sort(out.begin() + long(sortedEnd), out.end(), byTime);
        std::inplace_merge(out.begin(), out.begin() + long(sortedEnd), out.end(), byTime);
    }
    return out;
}

Histogram AuditIndex::histogram(const std::vector<RowId> &rows, int buckets, std::int64_t fromMs, std::int64_t toMs) const
{
    std::shared_lock lock(m->mutex);
    Histogram h;
    if (buckets < 1)
        buckets = 1;
    if (fromMs >= toMs) {
        bool any = false;
        for (RowId id : rows) {
            if (id >= m->rows)
                continue;
            const auto t = m->at(id).timeMs;
            if (!any || t < fromMs) fromMs = t;
            if (!any || t >= toMs) toMs = t + 1;
            any = true;
        }
        if (!any)
            return h;
    }
    h.fromMs = fromMs;
    h.toMs = toMs;
    h.bucketMs = std::max<std::int64_t>(1, (toMs - fromMs + buckets - 1) / buckets);
    h.counts.assign(size_t(buckets), 0);
    h.denied.assign(size_t(buckets), 0);
    for (RowId id : rows) {
        if (id >= m->rows)
            continue;
        const AuditRow &r = m->at(id);
        if (r.timeMs < fromMs || r.timeMs >= toMs)
            continue;
        const size_t b = std::min(size_t((r.timeMs - fromMs) / h.bucketMs), size_t(buckets - 1));
        ++h.counts[b];
        if (r.decision == Decision::Denied)
            ++h.denied[b];
    }
    return h;
}

std::vector<std::string> AuditIndex::distinct(const std::string &field) const
{
    std::shared_lock lock(m->mutex);
    std::unordered_set<std::uint32_t> ids;
    for (size_t i = 0; i < m->rows; ++i) {
        const AuditRow &r = m->at(i);
        if (field == "user") ids.insert(r.user);
        else if (field == "verb") ids.insert(r.verb);
        else if (field == "resource") ids.insert(r.resource);
        else if (field == "namespace") ids.insert(r.ns);
        else if (field == "workspace") ids.insert(m->workspaceOf(r));
        else if (field == "group")
            if (auto it = m->groupMembers.find(r.groups); it != m->groupMembers.end())
                ids.insert(it->second.begin(), it->second.end());
    }
    ids.erase(0);
    std::vector<std::string> out;
    for (auto id : ids)
        out.push_back(m->pool.at(id));
    std::sort(out.begin(), out.end());
    return out;
}

Result<std::string> AuditIndex::originalText(RowId id) const
{
    std::shared_ptr<AuditFile> file;
    AuditRow r;
    {
        std::shared_lock lock(m->mutex);
        if (id >= m->rows)
            return Error::make(ErrorKind::Invalid, "no audit event " + std::to_string(id));
        r = m->at(id);
        const FileEntry &fe = m->files[r.file];
        if (!fe.stale.empty())
            return Error::make(ErrorKind::Invalid, fe.stale, fe.path);
        file = fe.file;
    }
    return file->readAt(r.offset, r.length);
}

Result<AuditEvent> AuditIndex::event(RowId id) const
{
    auto text = originalText(id);
    if (!text)
        return text.error();
    const AuditRow r = row(id);
    auto ev = parseEvent(*text, r.item);
    if (!ev)
        return ev.error().withContext(m->files[r.file].path);
    if (ev->workspace.empty())
        ev->workspace = workspaceOf(id);
    return ev;
}

Result<void> AuditIndex::exportJsonLines(const std::vector<RowId> &rows, std::ostream &out, const CancelTokenPtr &cancel) const
{
    std::uint64_t lastOffset = UINT64_MAX;
    std::uint16_t lastFile = 0;
    for (RowId id : rows) {
        if (cancel && cancel->cancelled())
            return Error::make(ErrorKind::Cancelled, "export was cancelled");
        const AuditRow r = row(id);
        // A journal record's writes share its bytes: the record is written once.
        if (r.source == SourceKind::Journal && r.file == lastFile && r.offset == lastOffset)
            continue;
        lastFile = r.file;
        lastOffset = r.offset;
        auto text = originalText(id);
        if (!text)
            return text.error();
        out << *text << '\n';
    }
    out.flush();
    if (!out)
        return Error::make(ErrorKind::Invalid, "could not write the export");
    return {};
}

namespace {

std::string csvCell(const std::string &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"')
            q += '"';
        q += c;
    }
    return q + "\"";
}

} // namespace

Result<void> AuditIndex::exportCsv(const std::vector<RowId> &rows, std::ostream &out) const
{
    out << "time,source,user,groups,verb,apiGroup,resource,subresource,namespace,name,workspace,code,decision,stage,level\n";
    for (RowId id : rows) {
        const AuditRowText t = rowText(id);
        std::string groups;
        for (const auto &g : t.groups)
            groups += (groups.empty() ? "" : ";") + g;
        out << formatRfc3339Ms(t.timeMs) << ',' << toString(t.source) << ',' << csvCell(t.user) << ',' << csvCell(groups)
            << ',' << csvCell(t.verb) << ',' << csvCell(t.apiGroup) << ',' << csvCell(t.resource) << ','
            << csvCell(t.subresource) << ',' << csvCell(t.ns) << ',' << csvCell(t.name) << ',' << csvCell(t.workspace) << ','
            << (t.code ? std::to_string(t.code) : std::string()) << ',' << toString(t.decision) << ','
            << toString(t.stage) << ',' << toString(t.level) << '\n';
    }
    out.flush();
    if (!out)
        return Error::make(ErrorKind::Invalid, "could not write the export");
    return {};
}

} // namespace kube::audit
