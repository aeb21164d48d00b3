// The wording follows NetworkPlans: KubeSphere mode writes the switch (3.x template field, 4.x
// template annotation, the namespace annotation for projects); standalone mode also writes the
// NetworkPolicy nsnp-network-isolate that KubeSphere's controller would (spec 9.2).
#include "models/networkisolation.h"

#include <QCoreApplication>

using namespace kube::tenancy;

namespace {
QString tr(const char *text) { return QCoreApplication::translate("NetworkIsolation", text); }
} // namespace

namespace NetworkIsolation {

QString explanation(const ClusterTenancy &t, bool workspace)
{
    const QString who = workspace ? tr("Each project of the workspace admits traffic only from the workspace's own "
                                       "projects.")
                                  : tr("The project admits traffic only from itself.");
    const QString egress = tr("Outgoing traffic stays open.");
    if (t.mode == Mode::Standalone)
        return who + QLatin1Char(' ') + egress + QLatin1Char(' ')
            + tr("Standalone mode: Tenantry writes the NetworkPolicy nsnp-network-isolate in each affected project "
                 "itself (as KubeSphere's controller would) and removes it when isolation ends; a network plugin "
                 "that enforces NetworkPolicy must run.");
    if (t.api.flavor == ApiFlavor::V4)
        return who + QLatin1Char(' ') + egress + QLatin1Char(' ')
            + (workspace ? tr("KubeSphere 4.x: sets kubesphere.io/network-isolate in the template's metadata, which "
                              "the controller copies to the workspace; the network extension enforces it.")
                         : tr("KubeSphere 4.x: sets kubesphere.io/network-isolate on the namespace; the network "
                              "extension enforces it."));
    return who + QLatin1Char(' ') + egress + QLatin1Char(' ')
        + (workspace ? tr("KubeSphere 3.x: sets spec.template.spec.networkIsolation; ks-controller-manager writes "
                          "the policies (when network policies are enabled in kubesphere-config).")
                     : tr("KubeSphere 3.x: sets kubesphere.io/network-isolate on the namespace; ks-controller-manager "
                          "writes the policy."));
}

QString confirmText(const ClusterTenancy &t, bool workspace, const QString &name, bool on)
{
    const QString what = (workspace ? tr("workspace <b>%1</b>") : tr("project <b>%1</b>")).arg(name.toHtmlEscaped());
    if (on)
        return tr("Turn on network isolation of %1.").arg(what) + QStringLiteral("<br>")
            + explanation(t, workspace).toHtmlEscaped();
    return tr("Turn off network isolation of %1: other projects may reach it again%2.")
        .arg(what, t.mode == Mode::Standalone ? tr(" (its isolation policies are removed)") : QString());
}

} // namespace NetworkIsolation
