// The files of an audit log: plain or gzip-compressed, found with their rotated backups, read
// sequentially for indexing and at an offset for one event's details.
#pragma once

#include "kubeclient/core/result.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kube::audit {

// `path` and its rotated backups in the same folder, oldest first, `path` last: backups as
// kube-apiserver's lumberjack names them (audit-2024-05-01T12-00-00.000.log, also .gz) and the
// logrotate style (audit.log.1 newest ... audit.log.N, also .gz). `path` itself is included even
// when it does not exist (opening it then gives the error). Backups are ordered by the time in
// their name (lumberjack) or by number (logrotate), so events come out in time order.
std::vector<std::string> withRotatedBackups(const std::string &path);

// One open file, plain or gzip (by its magic bytes, not its name). The descriptor stays open,
// so a file renamed by rotation still answers readAt for the events indexed from it.
class AuditFile
{
public:
    // A clear error naming the file when it is missing or unreadable.
    static Result<std::unique_ptr<AuditFile>> open(const std::string &path);
    ~AuditFile();
    AuditFile(const AuditFile &) = delete;
    AuditFile &operator=(const AuditFile &) = delete;

    const std::string &path() const { return m_path; }
    bool compressed() const { return m_gz; }
    // Bytes on disk (compressed size for .gz) and the inode, for follow's rotation check.
    std::uint64_t sizeOnDisk() const;
    std::uint64_t inode() const { return m_inode; }

    // Sequential read of the (decompressed) stream from where the last read stopped. 0 at the
    // end; an error naming the file when a .gz is corrupt or truncated.
    Result<std::size_t> read(char *buffer, std::size_t size);
    // `length` bytes at `offset` of the (decompressed) stream. For a .gz this decompresses from
    // the start (rotated backups only; kube-apiserver keeps them at --audit-log-maxsize).
    Result<std::string> readAt(std::uint64_t offset, std::uint32_t length) const;
    // Where sequential reading is in the file on disk (compressed bytes for a .gz): progress.
    std::uint64_t rawPosition() const;
    // Sequential reading restarts at `offset` (plain files only; follow after a truncation).
    void seek(std::uint64_t offset);

private:
    AuditFile() = default;
    std::string m_path;
    int m_fd = -1;
    bool m_gz = false;
    void *m_gzState = nullptr;  // z_stream of the sequential read
    std::vector<unsigned char> m_gzIn;
    bool m_gzEnd = false;
    std::uint64_t m_inode = 0;
    std::uint64_t m_pos = 0;  // sequential position in the raw file
    // readAt of a .gz keeps its own stream where the last read ended, so reading events in
    // file order (export, a detail after the next) decompresses the file once, not per event.
    struct GzCursor;
    mutable std::mutex m_cursorMutex;
    mutable std::unique_ptr<GzCursor> m_cursor;
};

} // namespace kube::audit
