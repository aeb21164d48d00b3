// The in-memory clusters the planner tests compose plans against: tests/unit/golden's
// fixture-v4.yaml / fixture-v3.yaml read into a MemoryPlanReader, in KubeSphere or standalone mode.
#pragma once

#include "kubeclient/kubesphere/mode.h"
#include "kubeclient/tenancy/plan/memoryplanreader.h"
#include "kubeclient/tenancy/plan/planner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QtTest>

namespace plannerfixture {

inline QString goldenDir()
{
    return QStringLiteral(TENANTRY_SOURCE_DIR "/tests/unit/golden");
}

inline kube::tenancy::ClusterTenancy tenancy(kube::tenancy::ApiFlavor flavor, kube::tenancy::Mode mode)
{
    kube::tenancy::ClusterTenancy t;
    t.api = kube::tenancy::TenancyApi::forFlavor(flavor);
    t.mode = mode;
    return t;
}

// The time golden plans stamp (status.lastTransitionTime, the password-change annotation):
// 2024-01-02T03:04:05Z, so the files do not change with the day they are written.
inline std::chrono::system_clock::time_point fixedClock()
{
    return std::chrono::system_clock::time_point(std::chrono::seconds(1704164645));
}

// The fixture of a flavour. Standalone clusters also hold what Tenantry writes in place of the
// controllers (mirrors, projections, reach), produced by running the repair plan on it, so
// their plans see a cluster in step; `repaired` false gives the raw objects (for repair itself).
inline kube::tenancy::MemoryPlanReader load(kube::tenancy::ApiFlavor flavor, kube::tenancy::Mode mode,
                                            bool repaired = true)
{
    using namespace kube::tenancy;
    const QString name = flavor == ApiFlavor::V4 ? "fixture-v4.yaml" : "fixture-v3.yaml";
    QFile file(goldenDir() + "/" + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    auto reader = MemoryPlanReader::fromYaml(file.readAll().toStdString(), name.toStdString());
    if (!reader)
        qFatal("%s", reader.error().describe().c_str());
    reader->addSubresource(TenancyApi::forFlavor(flavor).user, "status");
    if (mode == Mode::Standalone && repaired) {
        Planner planner(*reader, tenancy(flavor, mode), "admin");
        auto repair = planner.repair();
        if (!repair)
            qFatal("%s", repair.error().describe().c_str());
        reader->applyPlan(*repair);
    }
    return std::move(*reader);
}

// The four flavour/mode folders of the goldens.
struct ModeCase {
    const char *dir;
    kube::tenancy::ApiFlavor flavor;
    kube::tenancy::Mode mode;
};
inline const ModeCase kModes[] = {
    {"v4-kubesphere", kube::tenancy::ApiFlavor::V4, kube::tenancy::Mode::KubeSphere},
    {"v4-standalone", kube::tenancy::ApiFlavor::V4, kube::tenancy::Mode::Standalone},
    {"v3-kubesphere", kube::tenancy::ApiFlavor::V3, kube::tenancy::Mode::KubeSphere},
    {"v3-standalone", kube::tenancy::ApiFlavor::V3, kube::tenancy::Mode::Standalone},
};

// The first line where two texts differ, both sides shown, for a readable failure.
inline QString firstDifference(const QString &expected, const QString &actual)
{
    const QStringList e = expected.split('\n'), a = actual.split('\n');
    for (int i = 0; i < std::max(e.size(), a.size()); ++i) {
        const QString el = i < e.size() ? e[i] : QStringLiteral("<end>");
        const QString al = i < a.size() ? a[i] : QStringLiteral("<end>");
        if (el != al)
            return QStringLiteral("line %1\n  golden: %2\n  plan:   %3").arg(i + 1).arg(el, al);
    }
    return {};
}

// Compares `actual` with the golden file at `path` (TENANTRY_UPDATE_GOLDEN=1 rewrites the file
// instead). Empty when they match (or the file was rewritten), else what differs.
inline QString goldenMismatch(const QString &path, const QString &actual)
{
    if (qEnvironmentVariableIntValue("TENANTRY_UPDATE_GOLDEN") == 1) {
        QDir().mkpath(QFileInfo(path).path());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return path + " cannot be written";
        out.write(actual.toUtf8());
        qInfo("rewrote %s", qPrintable(path));
        return {};
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return path + " is missing: run with TENANTRY_UPDATE_GOLDEN=1, then review the new file";
    const QString expected = QString::fromUtf8(in.readAll());
    return expected == actual ? QString() : path + " differs at " + firstDifference(expected, actual);
}

} // namespace plannerfixture
