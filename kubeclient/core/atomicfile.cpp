// Temp file + fsync + rename, as QSaveFile and Go's renameio do. The temporary name is unique
// (mkstemp), so two processes rewriting the same file never write into one temporary file.
#include "kubeclient/core/atomicfile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <streambuf>
#include <vector>

namespace kube {

namespace {

std::atomic<atomicfile_testing::Hook> g_hook{nullptr};

std::string dirOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string baseOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A symbolic link (~/.kube/config -> dotfiles/kubeconfig) is followed to the file it names, so
// the rename replaces that file and the link stays a link. A dangling link names a new file.
std::string resolveLinks(std::string path)
{
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
            return path;
        std::vector<char> buf(PATH_MAX + 1);
        const ssize_t n = ::readlink(path.c_str(), buf.data(), buf.size() - 1);
        if (n <= 0)
            return path;
        std::string target(buf.data(), size_t(n));
        path = target.front() == '/' ? target : dirOf(path) + "/" + target;
    }
    return path;
}

bool makeDirs(const std::string &dir)
{
    if (dir.empty() || dir == "/" || dir == ".")
        return true;
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0)
        return S_ISDIR(st.st_mode);
    if (!makeDirs(dirOf(dir)))
        return false;
    return ::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST;
}

} // namespace

struct AtomicFile::State {
    // Buffers the stream and records the first error; write(2) failures surface at commit().
    class Buf final : public std::streambuf
    {
    public:
        explicit Buf(State &s) : m_s(s) { setp(m_buffer, m_buffer + sizeof m_buffer); }
        int sync() override { return flushBuffer() ? 0 : -1; }
        int_type overflow(int_type ch) override
        {
            if (!flushBuffer())
                return traits_type::eof();
            if (!traits_type::eq_int_type(ch, traits_type::eof())) {
                *pptr() = traits_type::to_char_type(ch);
                pbump(1);
            }
            return traits_type::not_eof(ch);
        }
        std::streamsize xsputn(const char *s, std::streamsize n) override
        {
            if (n >= std::streamsize(sizeof m_buffer)) {
                if (!flushBuffer() || !m_s.writeAll(std::string_view(s, size_t(n))))
                    return 0;
                return n;
            }
            return std::streambuf::xsputn(s, n);
        }
        bool flushBuffer()
        {
            const auto n = size_t(pptr() - pbase());
            setp(m_buffer, m_buffer + sizeof m_buffer);
            return n == 0 || m_s.writeAll(std::string_view(m_buffer, n));
        }

    private:
        State &m_s;
        char m_buffer[64 * 1024];
    };

    std::string target, temp;
    mode_t mode = 0600;
    int fd = -1;
    int error = 0;  // first errno of a failed write
    bool hookCalled = false;
    AtomicWriteOptions options;
    Buf buf{*this};
    std::ostream out{&buf};

    bool writeAll(std::string_view data)
    {
        if (error)
            return false;
        const auto hook = g_hook.load();
        if (hook && !hookCalled && data.size() > 1) {
            hookCalled = true;
            const size_t half = data.size() / 2;
            if (!writeRaw(data.substr(0, half)))
                return false;
            hook(atomicfile_testing::Point::PartlyWritten, temp);
            return writeRaw(data.substr(half));
        }
        return writeRaw(data);
    }
    bool writeRaw(std::string_view data)
    {
        size_t done = 0;
        while (done < data.size()) {
            const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                error = n < 0 ? errno : EIO;
                return false;
            }
            done += size_t(n);
        }
        return true;
    }
    Error fail(const std::string &doing, int err) const
    {
        return Error::make(options.errorKind, "cannot " + doing + " " + options.what + ": " + std::strerror(err), target);
    }
    void discard()
    {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
        if (!temp.empty()) {
            ::unlink(temp.c_str());
            temp.clear();
        }
    }
};

AtomicFile::AtomicFile(std::unique_ptr<State> state) : m(std::move(state)) {}
AtomicFile::AtomicFile(AtomicFile &&other) noexcept = default;
AtomicFile &AtomicFile::operator=(AtomicFile &&other) noexcept
{
    if (this != &other) {
        if (m)
            m->discard();
        m = std::move(other.m);
    }
    return *this;
}

AtomicFile::~AtomicFile()
{
    if (m)
        m->discard();
}

Result<AtomicFile> AtomicFile::create(const std::string &path, const AtomicWriteOptions &options)
{
    auto s = std::make_unique<State>();
    s->options = options;
    s->target = resolveLinks(path);
    const std::string dir = dirOf(s->target);
    if (options.createDirectories && !makeDirs(dir))
        return s->fail("create the folder of", errno);
    struct stat st {};
    s->mode = ::stat(s->target.c_str(), &st) == 0 ? (st.st_mode & 07777) : options.newFileMode;
    // A dot name: a leftover of a crash before the rename is hidden and never taken for the file.
    std::string name = dir + "/." + baseOf(s->target) + ".tmp-XXXXXX";
    std::vector<char> buf(name.begin(), name.end());
    buf.push_back('\0');
    const int fd = ::mkostemp(buf.data(), O_CLOEXEC);
    if (fd < 0)
        return s->fail("write", errno);
    s->fd = fd;
    s->temp = buf.data();
    return AtomicFile(std::move(s));
}

std::ostream &AtomicFile::stream() { return m->out; }

Result<void> AtomicFile::write(std::string_view data)
{
    if (!m->buf.flushBuffer() || !m->writeAll(data))
        return m->fail("write", m->error);
    return {};
}

const std::string &AtomicFile::target() const { return m->target; }

Result<void> AtomicFile::commit()
{
    State &s = *m;
    if (s.fd < 0)
        return Error::make(s.options.errorKind, "the file was already committed", s.target);
    s.out.flush();
    if (!s.buf.flushBuffer() || s.error || !s.out) {
        const int err = s.error ? s.error : EIO;
        s.discard();
        return s.fail("write", err);
    }
    if (::fchmod(s.fd, s.mode) != 0 || ::fsync(s.fd) != 0) {
        const int err = errno;
        s.discard();
        return s.fail("write", err);
    }
    if (const auto hook = g_hook.load())
        hook(atomicfile_testing::Point::BeforeRename, s.temp);
    const int closed = ::close(s.fd);
    s.fd = -1;
    if (closed != 0 || ::rename(s.temp.c_str(), s.target.c_str()) != 0) {
        const int err = errno;
        s.discard();
        return s.fail("replace", err);
    }
    s.temp.clear();
    // The rename itself is durable only once the folder is synced.
    if (const int dfd = ::open(dirOf(s.target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

Result<void> writeFileAtomically(const std::string &path, std::string_view content, const AtomicWriteOptions &options)
{
    auto file = AtomicFile::create(path, options);
    if (!file)
        return file.error();
    if (auto w = file->write(content); !w)
        return w;
    return file->commit();
}

namespace atomicfile_testing {
void setHook(Hook hook) { g_hook.store(hook); }
} // namespace atomicfile_testing

} // namespace kube
