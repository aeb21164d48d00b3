// Benchmark of the member dialog's user picker (UserPickerModel) at 5,000 to 50,000 users, no
// cluster: building the list, then the time per keystroke while a name is typed, deleted and
// two words are typed, for the model alone, with a QTreeView painting it offscreen, and for the
// obvious alternative (a QSortFilterProxyModel with a fixed-string filter over every column).
// Prints a table; asserts nothing.
// usage: bench_userpicker
#include "models/userpickermodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

std::vector<UserPickerModel::Candidate> users(int n)
{
    static const char *first[] = {"Alice", "Bob", "Chen", "Dana", "Erik", "Fatima", "Goran", "Hana", "Ivan", "Jun"};
    static const char *last[] = {"Zhang", "Müller", "Okafor", "Silva", "Kowalski", "Tanaka", "Novak", "Haddad"};
    std::vector<UserPickerModel::Candidate> out;
    out.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        UserPickerModel::Candidate c;
        c.name = QStringLiteral("user-%1").arg(i, 5, 10, QLatin1Char('0'));
        c.displayName = QStringLiteral("%1 %2").arg(QLatin1String(first[i % 10]), QString::fromUtf8(last[(i / 10) % 8]));
        c.email = QStringLiteral("%1.%2@team-%3.example.com").arg(c.name).arg(i % 97).arg(i % 13);
        c.member = i % 50 == 0;
        if (c.member)
            c.memberRole = QStringLiteral("viewer");
        out.push_back(std::move(c));
    }
    return out;
}

// The filter after each keystroke: a name typed, deleted back to nothing, then two words.
QStringList keystrokes()
{
    QStringList out;
    const QString name = QStringLiteral("user-04217");
    for (int i = 1; i <= name.size(); ++i)
        out << name.left(i);
    for (int i = name.size() - 1; i >= 0; --i)
        out << name.left(i);
    const QString words = QStringLiteral("zhang team-7");
    for (int i = 1; i <= words.size(); ++i)
        out << words.left(i);
    return out;
}

struct Stats {
    double meanUs = 0, maxUs = 0;
};

Stats stats(const std::vector<double> &us)
{
    Stats s;
    for (double v : us) {
        s.meanUs += v;
        s.maxUs = std::max(s.maxUs, v);
    }
    s.meanUs /= double(std::max<size_t>(1, us.size()));
    return s;
}

template <class Step>
Stats timeKeystrokes(const QStringList &keys, Step step)
{
    std::vector<double> us;
    for (const QString &k : keys) {
        QElapsedTimer t;
        t.start();
        step(k);
        us.push_back(double(t.nsecsElapsed()) / 1e3);
    }
    return stats(us);
}

QString cell(const Stats &s)
{
    auto fmt = [](double us) { return us >= 1000 ? QStringLiteral("%1 ms").arg(us / 1000, 0, 'f', 2) : QStringLiteral("%1 µs").arg(us, 0, 'f', 0); };
    return QStringLiteral("%1 / %2").arg(fmt(s.meanUs), fmt(s.maxUs));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList keys = keystrokes();
    std::printf("Per keystroke, mean / max over %lld keystrokes (\"user-04217\" typed, deleted, then \"zhang team-7\").\n",
                static_cast<long long>(keys.size()));
    std::printf("| users | build list | model alone | model + QTreeView painted | QSortFilterProxyModel alone |\n");
    std::printf("|---:|---:|---:|---:|---:|\n");
    for (int n : {5000, 20000, 50000}) {
        const auto list = users(n);
        UserPickerModel model;
        QElapsedTimer build;
        build.start();
        model.setCandidates(list, UserPickerModel::Mode::Add);
        const double buildMs = double(build.nsecsElapsed()) / 1e6;

        // Warm once, then measure the model alone.
        for (const QString &k : keys)
            model.setFilterText(k);
        model.setFilterText({});
        const Stats alone = timeKeystrokes(keys, [&](const QString &k) { model.setFilterText(k); });
        model.setFilterText({});

        // The dialog's view: the keystroke is done when the view has laid out and painted.
        QTreeView view;
        view.setUniformRowHeights(true);
        view.setRootIsDecorated(false);
        view.setModel(&model);
        view.resize(860, 300);
        view.show();
        QApplication::processEvents();
        const Stats withView = timeKeystrokes(keys, [&](const QString &k) {
            model.setFilterText(k);
            view.viewport()->repaint();
            QApplication::processEvents();
        });
        view.hide();
        model.setFilterText({});

        // The alternative: a proxy's fixed-string filter over every column, case-insensitive.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        const Stats viaProxy = timeKeystrokes(keys, [&](const QString &k) { proxy.setFilterFixedString(k); });

        std::printf("| %d | %.1f ms | %s | %s | %s |\n", n, buildMs, qPrintable(cell(alone)), qPrintable(cell(withView)),
                    qPrintable(cell(viaProxy)));
        std::fflush(stdout);
    }
    return 0;
}
