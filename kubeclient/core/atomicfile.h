// The one way Tenantry rewrites a file (kubeconfig, discovery cache, exports): a temporary file
// in the same folder, fsync, rename over the target, fsync of the folder. A crash at any point
// leaves either the old file whole or the new one whole, never a mix; the mode is kept.
#pragma once

#include "kubeclient/core/result.h"

#include <sys/types.h>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace kube {

struct AtomicWriteOptions {
    mode_t newFileMode = 0600;       // a file that does not exist yet; an existing file keeps its mode
    bool createDirectories = false;  // missing folders are made 0700 (~/.kube on a fresh account)
    ErrorKind errorKind = ErrorKind::Config;
    std::string what = "the file";   // for messages: "cannot write the kubeconfig: ..."
};

// Streams into a temporary file beside `path`; nothing is visible at `path` until commit().
// Destroyed without commit(), the temporary file is removed and `path` is untouched. When
// `path` is a symbolic link, the file it points to is replaced and the link stays.
class AtomicFile
{
public:
    static Result<AtomicFile> create(const std::string &path, const AtomicWriteOptions &options = {});
    AtomicFile(AtomicFile &&other) noexcept;
    AtomicFile &operator=(AtomicFile &&other) noexcept;
    ~AtomicFile();

    std::ostream &stream();
    Result<void> write(std::string_view data);
    // Flush, set the mode, fsync, rename over the target, fsync the folder.
    Result<void> commit();
    const std::string &target() const;  // the file that is replaced (a symlink resolved)

private:
    struct State;
    explicit AtomicFile(std::unique_ptr<State> state);
    std::unique_ptr<State> m;
};

// create + write + commit.
Result<void> writeFileAtomically(const std::string &path, std::string_view content, const AtomicWriteOptions &options = {});

// Tests only: called at the two points where a crash matters (half the data written; all of it
// written and synced, before the rename). A test's forked child raises SIGKILL there.
namespace atomicfile_testing {
enum class Point { PartlyWritten, BeforeRename };
using Hook = void (*)(Point point, const std::string &tempPath);
void setHook(Hook hook);
} // namespace atomicfile_testing

} // namespace kube
