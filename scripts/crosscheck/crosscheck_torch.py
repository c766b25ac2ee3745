"""Independent PyTorch reference for `npm run gradstats` (see scripts/crosscheck/README.md).

Per-example gradients come from autograd, one backward pass per example, in float64;
the statistics follow shared/DESIGN.md section 2 literally, on the N x d matrix of gradients:
  g = mean_i g_i,  v_j = mean_i g_ij^2 - g_j^2
  SG-B   V_j = v_j / B              (x (N-B)/(N-1) without replacement);  SG-2B with 2B
  GC     V_j = N^-2 sum_k N_k^2 v_kj (v_kj: variance of coordinate j inside cluster k)
  SVRG   V_j = Var_i[g_ij(theta) - g_ij(theta~)] / B   (same replacement factor)
  variance = (1/d) sum_j V_j,  NV = (1/d) sum_j V_j / (V_j + g_j^2)  (0 where 0/0)

usage: python3 crosscheck_torch.py CASE_DIR BATCH OURS_WITH.json OURS_WITHOUT.json [--tol 1e-4]
Exits 1 when a statistic differs from ours by more than tol (relative).
"""
import json
import sys
import time

import torch

DEV = 'cuda' if torch.cuda.is_available() else 'cpu'
T = dict(dtype=torch.float64, device=DEV)


def load(path):
    with open(path) as f:
        return json.load(f)


def build(spec):
    """Parameters dict and a forward function z = act(x W + b) per layer (W is in x out)."""
    params, frozen, layers = {}, {}, []
    for i, l in enumerate(spec['layers']):
        target = params if l['trainable'] else frozen
        target[f'w{i}'] = torch.tensor(l['weight'], **T)
        if l['bias'] is not None:
            target[f'b{i}'] = torch.tensor(l['bias'], **T)
        layers.append((i, l['bias'] is not None, l['activation']))

    def forward(p, x):
        h = x
        for i, has_bias, act in layers:
            w = p[f'w{i}'] if f'w{i}' in p else frozen[f'w{i}']
            h = h @ w
            if has_bias:
                h = h + (p[f'b{i}'] if f'b{i}' in p else frozen[f'b{i}'])
            if act == 'relu':
                h = torch.relu(h)
        return h

    return params, forward


def per_example_loss(forward, loss_kind):
    def loss(p, x, y):
        z = forward(p, x.unsqueeze(0))[0]
        if loss_kind == 'softmax-cross-entropy':
            return torch.logsumexp(z, 0) - z[y.long()]
        return torch.nn.functional.softplus(-y * z[0])  # logistic, y in {-1, +1}

    return loss


def gradients(spec, x, y):
    """N x d per-example gradients over the trainable parameters, and the mean loss."""
    params, forward = build(spec)
    loss = per_example_loss(forward, spec['loss'])
    names = sorted(params)
    for k in names:
        params[k].requires_grad_(True)
    rows, total = [], 0.0
    for i in range(x.shape[0]):
        li = loss(params, x[i], y[i])
        grads = torch.autograd.grad(li, [params[k] for k in names])
        rows.append(torch.cat([g.reshape(-1) for g in grads]))
        total += li.item()
    return torch.stack(rows), total / x.shape[0]


def stats(V, g2):
    d = V.numel()
    den = V + g2
    nv = torch.where(den > 0, V / torch.where(den > 0, den, 1), torch.zeros_like(V))
    return {'variance': (V.sum() / d).item(), 'normalizedVariance': (nv.sum() / d).item()}


def reference(G, Gs, assignment, K, B, replacement, mean_loss):
    N = G.shape[0]
    g = G.mean(0)
    v = (G * G).mean(0) - g * g
    factor = lambda b: 1.0 if replacement else (N - b) / (N - 1)
    out = {
        'N': N, 'd': G.shape[1], 'meanLoss': mean_loss,
        'gradNorm2': (g * g).sum().item(),
        'meanExampleGradNorm2': (G * G).sum(1).mean().item(),
        'bSimple': (v.sum() / (g * g).sum()).item(),
    }
    est = {'SG-B': stats(v / B * factor(B), g * g), 'SG-2B': stats(v / (2 * B) * factor(2 * B), g * g)}
    acc = torch.zeros_like(g)
    for k in range(K):
        Gk = G[assignment == k]
        if Gk.shape[0] == 0:
            continue
        mk = Gk.mean(0)
        acc += Gk.shape[0] ** 2 * ((Gk * Gk).mean(0) - mk * mk)
    est['GC'] = stats(acc / N ** 2, g * g)
    diff = G - Gs
    vd = (diff * diff).mean(0) - diff.mean(0) ** 2
    est['SVRG'] = stats(vd / B * factor(B), g * g)
    out['estimators'] = est
    return out


def compare(ref, ours, tol):
    rows, worst = [], 0.0
    for key in ['meanLoss', 'gradNorm2', 'meanExampleGradNorm2', 'bSimple']:
        rows.append((key, ref[key], ours[key]))
    for e, s in ref['estimators'].items():
        for stat in ['variance', 'normalizedVariance']:
            rows.append((f'{e} {stat}', s[stat], ours['estimators'][e][stat]))
    for name, r, o in rows:
        rel = abs(r - o) / max(abs(r), 1e-30)
        worst = max(worst, rel)
        flag = '' if rel <= tol else '  <-- over tolerance'
        print(f'  {name:28s} torch {r:.9e}  ours {o:.9e}  rel {rel:.1e}{flag}')
    return worst


def main():
    args = sys.argv[1:]
    tol = 1e-4
    if '--tol' in args:
        i = args.index('--tol')
        tol = float(args[i + 1])
        del args[i:i + 2]
    case, B, ours_with, ours_without = args[0], int(args[1]), args[2], args[3]
    data = load(f'{case}/data.json')
    x = torch.tensor(data['x'], **T)
    y = torch.tensor(data['y'], **T)
    a = load(f'{case}/assignment.json')
    assignment = torch.tensor(a['assignment'], device=DEV)
    t0 = time.perf_counter()
    G, mean_loss = gradients(load(f'{case}/model.json'), x, y)
    Gs, _ = gradients(load(f'{case}/snapshot.json'), x, y)
    if DEV == 'cuda':
        torch.cuda.synchronize()
    print(f'per-example gradients: N={G.shape[0]} d={G.shape[1]} on {DEV} '
          f'({torch.cuda.get_device_name() if DEV == "cuda" else "cpu"}), '
          f'float64, {time.perf_counter() - t0:.2f} s')
    worst = 0.0
    for replacement, path in [(True, ours_with), (False, ours_without)]:
        print(f'B={B}, {"with" if replacement else "without"} replacement:')
        ref = reference(G, Gs, assignment, a['K'], B, replacement, mean_loss)
        worst = max(worst, compare(ref, load(path), tol))
    print(f'largest relative difference {worst:.2e} (tolerance {tol:.0e}): '
          f'{"AGREE" if worst <= tol else "DISAGREE"}')
    sys.exit(0 if worst <= tol else 1)


if __name__ == '__main__':
    main()
