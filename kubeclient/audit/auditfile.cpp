// Audit files on disk: plain or gzip (zlib's inflate with gzip headers, several members in a
// row allowed), their rotated backups, and reads by offset for the details of one event.
#include "kubeclient/audit/auditfile.h"

#include <zlib.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kube::audit {

namespace {

constexpr size_t kGzChunk = 256 * 1024;

Error fileError(const std::string &path, const std::string &what)
{
    return Error::make(ErrorKind::Invalid, what, path);
}

bool endsWith(const std::string &s, const std::string &suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool allDigits(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One inflate stream over a file descriptor, from the file's start.
struct Inflater {
    z_stream z{};
    std::vector<unsigned char> in = std::vector<unsigned char>(kGzChunk);
    std::uint64_t rawPos = 0;   // next byte of the file to feed
    std::uint64_t outPos = 0;   // decompressed bytes produced so far
    bool ended = false;
    bool ok = false;

    Inflater() { ok = inflateInit2(&z, 16 + MAX_WBITS) == Z_OK; }
    ~Inflater() { inflateEnd(&z); }
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    // Up to `size` decompressed bytes into `out`; 0 at the end.
    Result<size_t> read(int fd, const std::string &path, char *out, size_t size)
    {
        if (!ok)
            return fileError(path, "zlib could not start");
        if (ended)
            return size_t(0);
        z.next_out = reinterpret_cast<Bytef *>(out);
        z.avail_out = uInt(size);
        while (z.avail_out > 0 && !ended) {
            if (z.avail_in == 0) {
                const ssize_t n = ::pread(fd, in.data(), in.size(), off_t(rawPos));
                if (n < 0)
                    return fileError(path, std::string("cannot read: ") + std::strerror(errno));
                if (n == 0) {
                    // The stream ended inside a member: the file was cut short.
                    return fileError(path, "the gzip file is truncated (it ends inside compressed data)");
                }
                rawPos += std::uint64_t(n);
                z.next_in = in.data();
                z.avail_in = uInt(n);
            }
            const int rc = inflate(&z, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                // Another gzip member may follow (concatenated .gz files are valid gzip).
                bool more = z.avail_in > 0;
                if (!more) {
                    unsigned char probe;
                    more = ::pread(fd, &probe, 1, off_t(rawPos)) == 1;
                }
                if (more)
                    inflateReset(&z);
                else
                    ended = true;
                continue;
            }
            if (rc == Z_BUF_ERROR && z.avail_in == 0)
                continue;
            if (rc != Z_OK)
                return fileError(path, std::string("the gzip data is corrupt (") + (z.msg ? z.msg : "inflate failed") + ")");
        }
        const size_t produced = size - z.avail_out;
        outPos += produced;
        return produced;
    }
};

} // namespace

struct AuditFile::GzCursor {
    Inflater inflater;
};

std::vector<std::string> withRotatedBackups(const std::string &path)
{
    const size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    const size_t dot = base.rfind('.');
    const std::string stem = dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
    const std::string ext = dot == std::string::npos || dot == 0 ? "" : base.substr(dot);

    std::vector<std::pair<std::string, std::string>> lumberjack;  // (timestamp, path)
    std::vector<std::pair<long, std::string>> numbered;           // (N, path)
    if (DIR *d = ::opendir(dir.c_str())) {
        while (dirent *entry = ::readdir(d)) {
            std::string name = entry->d_name;
            if (name == base)
                continue;
            std::string plain = endsWith(name, ".gz") ? name.substr(0, name.size() - 3) : name;
            const std::string full = (dir == "/" ? "" : dir) + "/" + name;
            // lumberjack: <stem>-<2006-01-02T15-04-05.000><ext>
            const std::string prefix = stem + "-";
            if (plain.size() > prefix.size() + ext.size() && plain.compare(0, prefix.size(), prefix) == 0
                && endsWith(plain, ext)) {
                const std::string stamp = plain.substr(prefix.size(), plain.size() - prefix.size() - ext.size());
                if (stamp.size() >= 19 && stamp[4] == '-' && stamp[10] == 'T') {
                    lumberjack.push_back({stamp, full});
                    continue;
                }
            }
            // logrotate: <base>.<N>
            if (plain.size() > base.size() + 1 && plain.compare(0, base.size() + 1, base + ".") == 0) {
                const std::string n = plain.substr(base.size() + 1);
                if (allDigits(n) && n.size() < 9)
                    numbered.push_back({std::stol(n), full});
            }
        }
        ::closedir(d);
    }
    std::sort(lumberjack.begin(), lumberjack.end());
    std::sort(numbered.begin(), numbered.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (const auto &n : numbered)
        out.push_back(n.second);
    for (const auto &l : lumberjack)
        out.push_back(l.second);
    out.push_back(path);
    return out;
}

Result<std::unique_ptr<AuditFile>> AuditFile::open(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            return fileError(path, "no such audit log file");
        return fileError(path, std::string("cannot open the audit log: ") + std::strerror(err));
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        ::close(fd);
        return fileError(path, "not a readable file");
    }
    std::unique_ptr<AuditFile> f(new AuditFile());
    f->m_path = path;
    f->m_fd = fd;
    f->m_inode = std::uint64_t(st.st_ino);
    unsigned char magic[2] = {0, 0};
    if (::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        f->m_gz = true;
        auto *inf = new Inflater();
        if (!inf->ok) {
            delete inf;
            return fileError(path, "zlib could not start");
        }
        f->m_gzState = inf;
    }
    return f;
}

AuditFile::~AuditFile()
{
    delete static_cast<Inflater *>(m_gzState);
    if (m_fd >= 0)
        ::close(m_fd);
}

std::uint64_t AuditFile::sizeOnDisk() const
{
    struct stat st{};
    return ::fstat(m_fd, &st) == 0 ? std::uint64_t(st.st_size) : 0;
}

Result<std::size_t> AuditFile::read(char *buffer, std::size_t size)
{
    if (m_gz) {
        auto *inf = static_cast<Inflater *>(m_gzState);
        auto n = inf->read(m_fd, m_path, buffer, size);
        m_pos = inf->rawPos;
        return n;
    }
    for (;;) {
        const ssize_t n = ::pread(m_fd, buffer, size, off_t(m_pos));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fileError(m_path, std::string("cannot read: ") + std::strerror(errno));
        m_pos += std::uint64_t(n);
        return size_t(n);
    }
}

std::uint64_t AuditFile::rawPosition() const
{
    return m_pos;
}

void AuditFile::seek(std::uint64_t offset)
{
    if (!m_gz)
        m_pos = offset;
}

Result<std::string> AuditFile::readAt(std::uint64_t offset, std::uint32_t length) const
{
    std::string out(length, '\0');
    if (!m_gz) {
        size_t got = 0;
        while (got < length) {
            const ssize_t n = ::pread(m_fd, out.data() + got, length - got, off_t(offset + got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return fileError(m_path, std::string("cannot read: ") + std::strerror(errno));
            if (n == 0)
                return fileError(m_path, "the file is shorter than when it was indexed (truncated since)");
            got += size_t(n);
        }
        return out;
    }
    std::lock_guard lock(m_cursorMutex);
    if (!m_cursor || m_cursor->inflater.outPos > offset)
        m_cursor = std::make_unique<GzCursor>();
    Inflater &inf = m_cursor->inflater;
    std::vector<char> skip(64 * 1024);
    while (inf.outPos < offset) {
        const size_t want = size_t(std::min<std::uint64_t>(skip.size(), offset - inf.outPos));
        auto n = inf.read(m_fd, m_path, skip.data(), want);
        if (!n) {
            m_cursor.reset();
            return n.error();
        }
        if (*n == 0)
            return fileError(m_path, "the event's offset is past the end of the decompressed file");
    }
    size_t got = 0;
    while (got < length) {
        auto n = inf.read(m_fd, m_path, out.data() + got, length - got);
        if (!n) {
            m_cursor.reset();
            return n.error();
        }
        if (*n == 0)
            return fileError(m_path, "the event's bytes are past the end of the decompressed file");
        got += *n;
    }
    return out;
}

} // namespace kube::audit
