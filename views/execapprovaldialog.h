// The question asked before a kubeconfig runs a credential plugin for the first time: the
// exact command line, where it is configured, the environment it gets, and "remember".
#pragma once

#include "kubeclient/kubeconfig/execcredentialprovider.h"

class QWidget;

class ExecApprovalDialog final
{
public:
    static bool ask(QWidget *parent, const kube::ExecApprovalRequest &request, bool *remember);
};
