/*
 * mi_sim.c - the simulated card.
 *
 * Each simulated socket is the near end of an AF_UNIX SOCK_SEQPACKET pair; the card keeps the
 * far end and writes upward frames into it laid out as the bridge returns kernel frames
 * ([sockaddr_mISDN + 2 pad][mISDNhead][payload]), so Java's recv and poll path is the same.
 * Downward frames do not cross the pair: the bridge hands them to sim_send, which acts on them
 * synchronously in the caller's thread, as the kernel does in sendmsg (that is how a full
 * B-channel FIFO can answer EBUSY to the very send that found it full).
 *
 * One thread per card runs a timerfd tick: it moves B-channel audio (8000 bytes/s each way)
 * and delivers delayed D frames. All state of all cards sits under one mutex; nothing here
 * blocks while holding it (the far ends are written with MSG_DONTWAIT).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "mi_abi.h"
#include "mi_sim.h"

#define SIM_MAX_FD 65536
#define SIM_MAX_TS 32
#define SIM_L1_TIMEOUT_NS 1000000000ull /* establish without a usable line fails after 1 s */
#define SIM_IDLE_FILL 0xFF              /* what an idle or underrun line carries by default */
#define SIM_SNDBUF (1 << 20)

enum { SK_BASE, SK_D, SK_B };
enum { ROLE_TE, ROLE_NT };

struct simsock {
    int near, far;
    struct sim *sim;
    int kind;
    int proto;
    int port; /* -1 until bound */
    int ts;   /* B-channel timeslot */
    unsigned serial;
};

struct bframe {
    uint32_t id;
    int len, pos;
    uint8_t data[MI_MAX_DATA_SIZE];
};

struct bchan {
    struct simsock *sock;
    int active;
    struct bframe fifo[2]; /* the frame on the line and one "next" frame, as HFC drivers */
    int head, count;
    int overrun; /* sends still to refuse with EBUSY */
    uint8_t fill;
};

struct port {
    struct simsock *d;
    int role;
    int ptmp;
    int tei; /* TE: assigned TEI, -1 none */
    int ces; /* TE: the CES the NT sees for this terminal's link */
    int drop;
    uint64_t delay_ns;
    struct bchan b[SIM_MAX_TS];
};

struct pair {
    int plugged;
    int l1;
    int est; /* the data link between the two ends is established */
};

struct delayed {
    struct delayed *next;
    uint64_t due;
    int port;
    unsigned serial;
    int len;
    uint8_t frame[];
};

struct sim {
    int nports, pri, tick_us;
    struct port *ports;
    struct pair *pairs;
    int tfd, efd;
    pthread_t thread;
    struct delayed *dq;
    uint64_t ticks, moved;
    int next_tei;
};

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static struct simsock *g_reg[SIM_MAX_FD];
static unsigned g_serial;

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static int ts_valid(const struct sim *s, int ts)
{
    if (s->pri)
        return ts >= 1 && ts <= 31 && ts != 16;
    return ts == 1 || ts == 2;
}

static struct simsock *lookup(int fd)
{
    return fd >= 0 && fd < SIM_MAX_FD ? g_reg[fd] : NULL;
}

static int frame_build(uint8_t *buf, int dev, int ch, int sapi, int tei, uint32_t prim, uint32_t id,
                       const void *payload, int len)
{
    struct mi_sockaddr a = { MI_AF_ISDN, (uint8_t)dev, (uint8_t)ch, (uint8_t)sapi, (uint8_t)tei };
    struct mi_head h = { prim, id };
    memset(buf, 0, MI_FRAME_PAYLOAD);
    memcpy(buf + MI_FRAME_ADDR, &a, sizeof a);
    memcpy(buf + MI_FRAME_HEAD, &h, sizeof h);
    if (len > 0)
        memcpy(buf + MI_FRAME_PAYLOAD, payload, (size_t)len);
    return MI_FRAME_PAYLOAD + len;
}

static void sock_put(struct simsock *k, const uint8_t *buf, int len)
{
    if (k)
        (void)send(k->far, buf, (size_t)len, MSG_DONTWAIT | MSG_NOSIGNAL); /* full: lost, as an overflowing kernel queue */
}

static void delay_put(struct sim *s, int port, unsigned serial, const uint8_t *buf, int len, uint64_t due)
{
    struct delayed *d = malloc(sizeof *d + (size_t)len);
    struct delayed **at = &s->dq;
    if (!d)
        return;
    d->due = due;
    d->port = port;
    d->serial = serial;
    d->len = len;
    memcpy(d->frame, buf, (size_t)len);
    while (*at && (*at)->due <= due)
        at = &(*at)->next;
    d->next = *at;
    *at = d;
}

static void delay_run(struct sim *s, uint64_t now)
{
    while (s->dq && s->dq->due <= now) {
        struct delayed *d = s->dq;
        struct simsock *k = s->ports[d->port].d;
        s->dq = d->next;
        if (k && k->serial == d->serial)
            sock_put(k, d->frame, d->len);
        free(d);
    }
}

/* ---- D-channel ---- */

static int te_of(const struct sim *s, int p)
{
    return s->ports[p].d && s->ports[p].role == ROLE_TE ? p : p ^ 1;
}

/* An upward D frame to port p, addressed as the kernel does: channel = CES, tei, sapi 0. */
static void d_up(struct sim *s, int p, uint32_t prim, const void *payload, int len, uint64_t delay_ns)
{
    struct port *pt = &s->ports[p];
    struct port *te;
    uint8_t buf[MI_FRAME_PAYLOAD + MI_MAX_DFRAME_LEN + 8];
    int ces, tei, n;
    if (!pt->d)
        return;
    te = &s->ports[te_of(s, p)];
    ces = pt->role == ROLE_NT ? te->ces : 0; /* a TE has one link; it is CES 0 to itself */
    tei = te->tei < 0 ? MI_GROUP_TEI : te->tei;
    n = frame_build(buf, p, ces, 0, tei, prim, ((uint32_t)ces << 16) | ((uint32_t)tei << 8), payload, len);
    if (delay_ns)
        delay_put(s, p, pt->d->serial, buf, n, now_ns() + delay_ns);
    else
        sock_put(pt->d, buf, n);
}

static void l1_ind(struct sim *s, int p, int up)
{
    struct port *pt = &s->ports[p];
    uint32_t prim;
    if (!pt->d)
        return;
    if (pt->role == ROLE_TE)
        prim = up ? MI_MPH_ACTIVATE_IND : MI_MPH_DEACTIVATE_IND;
    else
        prim = up ? MI_PH_ACTIVATE_IND : MI_PH_DEACTIVATE_IND;
    d_up(s, p, prim, NULL, 0, 0);
}

/* Layer 1 comes up when the cable is in, both ends are open and one is TE, the other NT. */
static int l1_activate(struct sim *s, int p)
{
    struct pair *pr = &s->pairs[p / 2];
    struct port *a = &s->ports[p], *b = &s->ports[p ^ 1];
    if (pr->l1)
        return 1;
    if (!pr->plugged || !a->d || !b->d || a->role == b->role)
        return 0;
    pr->l1 = 1;
    l1_ind(s, p, 1);
    l1_ind(s, p ^ 1, 1);
    return 1;
}

static void b_up(struct simsock *k, uint32_t prim, uint32_t id, const uint8_t *payload, int len)
{
    uint8_t buf[MI_FRAME_MAX];
    int n = frame_build(buf, k->port, k->ts, 0, 0, prim, id, payload, len);
    sock_put(k, buf, n);
}

static void b_reset(struct bchan *b)
{
    b->active = 0;
    b->head = 0;
    b->count = 0;
}

static void b_stop_port(struct sim *s, int p)
{
    for (int ts = 0; ts < SIM_MAX_TS; ts++) {
        struct bchan *b = &s->ports[p].b[ts];
        if (b->sock && b->active)
            b_up(b->sock, MI_PH_DEACTIVATE_IND, 0, NULL, 0);
        b_reset(b);
    }
}

/* The cable is pulled: links go down, layer 1 goes down, B-channels stop, on both ends. */
static void pair_down(struct sim *s, int pi)
{
    struct pair *pr = &s->pairs[pi];
    if (pr->est) {
        pr->est = 0;
        d_up(s, 2 * pi, MI_DL_RELEASE_IND, NULL, 0, 0);
        d_up(s, 2 * pi + 1, MI_DL_RELEASE_IND, NULL, 0, 0);
    }
    if (pr->l1) {
        pr->l1 = 0;
        l1_ind(s, 2 * pi, 0);
        l1_ind(s, 2 * pi + 1, 0);
    }
    b_stop_port(s, 2 * pi);
    b_stop_port(s, 2 * pi + 1);
}

static void tei_assign(struct sim *s, int p)
{
    int te = te_of(s, p);
    struct port *pt = &s->ports[te];
    int k, v = MI_L2_CONNECT;
    if (!pt->d || pt->role != ROLE_TE || !pt->ptmp || pt->tei >= 0)
        return;
    k = s->next_tei++ % 63;
    pt->tei = 64 + k;
    pt->ces = 1 + k;
    d_up(s, te, MI_DL_INFORMATION_IND, &v, sizeof v, 0);
    d_up(s, te ^ 1, MI_DL_INFORMATION_IND, &v, sizeof v, 0);
}

static int d_req(struct sim *s, struct simsock *k, uint32_t prim, const uint8_t *payload, int len)
{
    int p = k->port;
    struct port *pt = &s->ports[p];
    struct pair *pr = &s->pairs[p / 2];
    switch (prim) {
    case MI_PH_ACTIVATE_REQ:
    case MI_MPH_ACTIVATE_REQ:
        l1_activate(s, p);
        return 0;
    case MI_PH_DEACTIVATE_REQ:
    case MI_DL_INFORMATION_REQ:
    case MI_MPH_INFORMATION_REQ:
        return 0;
    case MI_DL_ESTABLISH_REQ:
        if (!l1_activate(s, p)) {
            d_up(s, p, MI_DL_RELEASE_IND, NULL, 0, SIM_L1_TIMEOUT_NS);
            return 0;
        }
        tei_assign(s, p);
        pr->est = 1;
        d_up(s, p, MI_DL_ESTABLISH_CNF, NULL, 0, 0);
        d_up(s, p ^ 1, MI_DL_ESTABLISH_IND, NULL, 0, 0);
        return 0;
    case MI_DL_RELEASE_REQ:
        if (pr->est) {
            pr->est = 0;
            d_up(s, p ^ 1, MI_DL_RELEASE_IND, NULL, 0, 0);
        }
        d_up(s, p, MI_DL_RELEASE_CNF, NULL, 0, 0);
        return 0;
    case MI_DL_DATA_REQ:
    case MI_DL_UNITDATA_REQ:
        if (len > MI_MAX_DFRAME_LEN)
            return -EINVAL;
        if (pt->drop > 0) {
            pt->drop--;
            return 0;
        }
        if (prim == MI_DL_DATA_REQ) {
            if (pr->est) /* before DL_ESTABLISH the kernel drops it silently */
                d_up(s, p ^ 1, MI_DL_DATA_IND, payload, len, pt->delay_ns);
        } else if (l1_activate(s, p)) {
            d_up(s, p ^ 1, MI_DL_UNITDATA_IND, payload, len, pt->delay_ns);
        }
        return 0;
    default:
        return -EINVAL;
    }
}

/* ---- B-channel ---- */

static int b_req(struct sim *s, struct simsock *k, uint32_t prim, uint32_t id, const uint8_t *payload, int len)
{
    struct bchan *b = &s->ports[k->port].b[k->ts];
    struct bframe *f;
    switch (prim) {
    case MI_PH_ACTIVATE_REQ:
        if (s->pairs[k->port / 2].plugged) {
            b->active = 1;
            b_up(k, MI_PH_ACTIVATE_IND, 0, NULL, 0);
        } else {
            b_up(k, MI_PH_DEACTIVATE_IND, 0, NULL, 0);
        }
        return 0;
    case MI_PH_DEACTIVATE_REQ:
        b_reset(b);
        b_up(k, MI_PH_DEACTIVATE_IND, 0, NULL, 0);
        return 0;
    case MI_PH_DATA_REQ:
        if (len > MI_MAX_DATA_SIZE)
            return -EINVAL;
        if (len == 0)
            return 0;
        if (b->overrun > 0) {
            b->overrun--;
            return -EBUSY;
        }
        if (b->count == 2)
            return -EBUSY;
        f = &b->fifo[(b->head + b->count) % 2];
        f->id = id;
        f->len = len;
        f->pos = 0;
        memcpy(f->data, payload, (size_t)len);
        b->count++;
        return 0;
    case MI_PH_CONTROL_REQ:
        return 0;
    default:
        return -EINVAL;
    }
}

/* n bytes cross from one end's B-channel ts to the other's; bytes are never altered. */
static void b_move(struct sim *s, int from, int to, int ts, int n)
{
    struct bchan *src = &s->ports[from].b[ts], *dst = &s->ports[to].b[ts];
    int src_on = src->sock && src->active, dst_on = dst->sock && dst->active;
    uint8_t buf[MI_FRAME_MAX];
    uint8_t *out = buf + MI_FRAME_PAYLOAD;
    int got = 0;
    if (!src_on && !dst_on)
        return;
    while (src_on && got < n && src->count > 0) {
        struct bframe *f = &src->fifo[src->head];
        int take = f->len - f->pos < n - got ? f->len - f->pos : n - got;
        memcpy(out + got, f->data + f->pos, (size_t)take);
        got += take;
        f->pos += take;
        if (f->pos == f->len) {
            src->head ^= 1;
            src->count--;
            b_up(src->sock, MI_PH_DATA_CNF, f->id, NULL, 0);
        }
    }
    memset(out + got, src_on ? src->fill : SIM_IDLE_FILL, (size_t)(n - got));
    if (dst_on) {
        frame_build(buf, to, ts, 0, 0, MI_PH_DATA_IND, 0, NULL, 0);
        sock_put(dst->sock, buf, MI_FRAME_PAYLOAD + n);
    }
}

static void sim_tick(struct sim *s, uint64_t expirations)
{
    uint64_t target;
    int n;
    s->ticks += expirations;
    target = s->ticks * 8000ull * (uint64_t)s->tick_us / 1000000ull;
    n = (int)(target - s->moved);
    s->moved = target;
    if (n > MI_MAX_DATA_SIZE)
        n = MI_MAX_DATA_SIZE;
    if (n > 0) {
        for (int pi = 0; pi < s->nports / 2; pi++) {
            if (!s->pairs[pi].plugged)
                continue;
            for (int ts = 1; ts < SIM_MAX_TS; ts++) {
                if (!ts_valid(s, ts))
                    continue;
                b_move(s, 2 * pi, 2 * pi + 1, ts, n);
                b_move(s, 2 * pi + 1, 2 * pi, ts, n);
            }
        }
    }
    delay_run(s, now_ns());
}

static void *sim_run(void *arg)
{
    struct sim *s = arg;
    struct pollfd pf[2] = { { s->tfd, POLLIN, 0 }, { s->efd, POLLIN, 0 } };
    for (;;) {
        uint64_t exp;
        if (poll(pf, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (pf[1].revents)
            break;
        if ((pf[0].revents & POLLIN) && read(s->tfd, &exp, sizeof exp) == (ssize_t)sizeof exp) {
            pthread_mutex_lock(&g_lock);
            sim_tick(s, exp);
            pthread_mutex_unlock(&g_lock);
        }
    }
    return NULL;
}

/* ---- the card ---- */

struct sim *sim_create(int pairs, int primary_rate, int tick_us)
{
    struct sim *s;
    struct itimerspec its;
    int err;
    if (pairs < 1 || pairs > (MI_MAX_DEVICE_ID + 1) / 2 || tick_us < 1000 || tick_us > 1000000) {
        errno = EINVAL;
        return NULL;
    }
    s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->nports = 2 * pairs;
    s->pri = primary_rate;
    s->tick_us = tick_us;
    s->ports = calloc((size_t)s->nports, sizeof *s->ports);
    s->pairs = calloc((size_t)pairs, sizeof *s->pairs);
    s->tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    s->efd = eventfd(0, EFD_CLOEXEC);
    if (!s->ports || !s->pairs || s->tfd < 0 || s->efd < 0)
        goto fail;
    for (int i = 0; i < pairs; i++)
        s->pairs[i].plugged = 1;
    for (int p = 0; p < s->nports; p++) {
        s->ports[p].tei = -1;
        for (int ts = 0; ts < SIM_MAX_TS; ts++)
            s->ports[p].b[ts].fill = SIM_IDLE_FILL;
    }
    its.it_interval.tv_sec = tick_us / 1000000;
    its.it_interval.tv_nsec = (long)(tick_us % 1000000) * 1000;
    its.it_value = its.it_interval;
    if (timerfd_settime(s->tfd, 0, &its, NULL) < 0)
        goto fail;
    err = pthread_create(&s->thread, NULL, sim_run, s);
    if (err) {
        errno = err;
        goto fail;
    }
    pthread_setname_np(s->thread, "strowger-sim");
    return s;
fail:
    err = errno;
    if (s->tfd > 0)
        close(s->tfd);
    if (s->efd > 0)
        close(s->efd);
    free(s->ports);
    free(s->pairs);
    free(s);
    errno = err;
    return NULL;
}

void sim_destroy(struct sim *s)
{
    uint64_t one = 1;
    if (!s)
        return;
    if (write(s->efd, &one, sizeof one) != (ssize_t)sizeof one) {
        /* an eventfd write of 1 cannot fail short of a full counter */
    }
    pthread_join(s->thread, NULL);
    pthread_mutex_lock(&g_lock);
    for (int fd = 0; fd < SIM_MAX_FD; fd++) {
        struct simsock *k = g_reg[fd];
        if (k && k->sim == s) {
            close(k->far); /* the near end, still Java's, reads end of file: the device is gone */
            g_reg[fd] = NULL;
            free(k);
        }
    }
    while (s->dq) {
        struct delayed *d = s->dq;
        s->dq = d->next;
        free(d);
    }
    pthread_mutex_unlock(&g_lock);
    close(s->tfd);
    close(s->efd);
    free(s->ports);
    free(s->pairs);
    free(s);
}

int sim_open(struct sim *s, int type, int proto)
{
    int sv[2], size = SIM_SNDBUF;
    struct simsock *k;
    if (type == SOCK_RAW) {
        if (proto != MI_PROTO_BASE)
            return -EPROTONOSUPPORT;
    } else if (type != SOCK_DGRAM) {
        return -ESOCKTNOSUPPORT;
    } else if (proto != MI_PROTO_LAPD_TE && proto != MI_PROTO_LAPD_NT && proto != MI_PROTO_B_RAW) {
        return -EPROTONOSUPPORT;
    }
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
        return -errno;
    if (sv[0] >= SIM_MAX_FD) {
        close(sv[0]);
        close(sv[1]);
        return -EMFILE;
    }
    (void)setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    k = calloc(1, sizeof *k);
    if (!k) {
        close(sv[0]);
        close(sv[1]);
        return -ENOMEM;
    }
    k->near = sv[0];
    k->far = sv[1];
    k->sim = s;
    k->kind = SK_BASE;
    k->proto = proto;
    k->port = -1;
    pthread_mutex_lock(&g_lock);
    k->serial = ++g_serial;
    g_reg[sv[0]] = k;
    pthread_mutex_unlock(&g_lock);
    return sv[0];
}

static int bind_locked(struct simsock *k, int dev, int ch, int sapi, int tei)
{
    struct sim *s = k->sim;
    struct port *pt;
    if (k->port >= 0)
        return -EALREADY;
    if (dev < 0 || dev >= s->nports)
        return -ENODEV;
    pt = &s->ports[dev];
    switch (k->proto) {
    case MI_PROTO_LAPD_TE:
    case MI_PROTO_LAPD_NT:
        if (sapi != 0 || tei < 0 || tei > MI_GROUP_TEI)
            return -EINVAL;
        if (k->proto == MI_PROTO_LAPD_TE && tei >= 64 && tei < MI_GROUP_TEI)
            return -EINVAL;
        if (pt->d)
            return -EBUSY;
        pt->d = k;
        pt->role = k->proto == MI_PROTO_LAPD_TE ? ROLE_TE : ROLE_NT;
        pt->ptmp = tei == MI_GROUP_TEI;
        pt->tei = pt->role == ROLE_TE && !pt->ptmp ? tei : -1;
        pt->ces = 0;
        k->kind = SK_D;
        break;
    case MI_PROTO_B_RAW:
        if (!ts_valid(s, ch))
            return -EINVAL;
        if (pt->b[ch].sock)
            return -EBUSY;
        b_reset(&pt->b[ch]);
        pt->b[ch].sock = k; /* an overrun set on the port beforehand stays */
        pt->b[ch].fill = SIM_IDLE_FILL;
        k->kind = SK_B;
        k->ts = ch;
        break;
    default:
        return -EINVAL;
    }
    k->port = dev;
    return 0;
}

int sim_bind(int fd, int dev, int channel, int sapi, int tei, int *handled)
{
    int r = 0;
    struct simsock *k;
    pthread_mutex_lock(&g_lock);
    k = lookup(fd);
    *handled = k != NULL;
    if (k)
        r = bind_locked(k, dev, channel, sapi, tei);
    pthread_mutex_unlock(&g_lock);
    return r;
}

static int devinfo(const struct sim *s, struct mi_devinfo *di)
{
    uint32_t id = di->id;
    if (id >= (uint32_t)s->nports)
        return -ENODEV;
    memset(di, 0, sizeof *di);
    di->id = id;
    if (s->pri)
        di->Dprotocols = MI_DPROTO_MASK(MI_PROTO_TE_E1) | MI_DPROTO_MASK(MI_PROTO_NT_E1);
    else
        di->Dprotocols = MI_DPROTO_MASK(MI_PROTO_TE_S0) | MI_DPROTO_MASK(MI_PROTO_NT_S0);
    di->Bprotocols = MI_BPROTO_MASK(MI_PROTO_B_RAW);
    di->protocol = s->ports[id].d ? (s->ports[id].role == ROLE_TE ? MI_PROTO_LAPD_TE : MI_PROTO_LAPD_NT) : 0;
    for (int ts = 1; ts < SIM_MAX_TS; ts++)
        if (ts_valid(s, ts))
            di->channelmap[ts / 8] |= (uint8_t)(1u << (ts % 8));
    di->nrbchan = s->pri ? 30 : 2;
    snprintf(di->name, sizeof di->name, "sim.%u", id + 1);
    return 0;
}

static int ioctl_locked(struct simsock *k, unsigned long request, void *arg)
{
    struct sim *s = k->sim;
    switch (request) {
    case MI_IMGETVERSION: {
        struct mi_version v = { MI_VERSION_MAJOR, MI_VERSION_MINOR, MI_VERSION_RELEASE };
        memcpy(arg, &v, sizeof v);
        return 0;
    }
    case MI_IMGETCOUNT:
        memcpy(arg, &s->nports, sizeof s->nports);
        return 0;
    case MI_IMGETDEVINFO:
        return devinfo(s, arg);
    case MI_IMHOLD_L1:
    case MI_IMCLEAR_L2:
        return k->kind == SK_D ? 0 : -EINVAL; /* accepted; the simulated line never idles down */
    case MI_IMCTRLREQ: {
        struct mi_ctrl_req *cq = arg;
        struct bchan *b;
        if (k->kind != SK_B)
            return -EINVAL;
        b = &s->ports[k->port].b[k->ts];
        if (cq->op == MI_CTRL_GETOP) {
            cq->op = MI_CTRL_FILL_EMPTY;
            return 0;
        }
        if (cq->op == MI_CTRL_FILL_EMPTY) {
            b->fill = cq->p1 ? (uint8_t)cq->p2 : SIM_IDLE_FILL;
            return 0;
        }
        return -EINVAL;
    }
    default:
        return -EINVAL;
    }
}

int sim_ioctl(int fd, unsigned long request, void *arg, int *handled)
{
    int r = 0;
    struct simsock *k;
    pthread_mutex_lock(&g_lock);
    k = lookup(fd);
    *handled = k != NULL;
    if (k)
        r = ioctl_locked(k, request, arg);
    pthread_mutex_unlock(&g_lock);
    return r;
}

int sim_send(int fd, const uint8_t *frame, int len, int *handled)
{
    int r;
    struct simsock *k;
    struct mi_head h;
    pthread_mutex_lock(&g_lock);
    k = lookup(fd);
    *handled = k != NULL;
    if (!k) {
        r = 0;
    } else if (len < MI_HEADER_LEN || len > MI_MAX_DATA_MEM) {
        r = -EINVAL;
    } else if (k->port < 0) {
        r = -ENOTCONN;
    } else {
        memcpy(&h, frame, sizeof h);
        if (k->kind == SK_D)
            r = d_req(k->sim, k, h.prim, frame + MI_HEADER_LEN, len - MI_HEADER_LEN);
        else
            r = b_req(k->sim, k, h.prim, h.id, frame + MI_HEADER_LEN, len - MI_HEADER_LEN);
        if (r == 0)
            r = len;
    }
    pthread_mutex_unlock(&g_lock);
    return r;
}

void sim_forget(int fd)
{
    struct simsock *k;
    pthread_mutex_lock(&g_lock);
    k = lookup(fd);
    if (k) {
        struct sim *s = k->sim;
        if (k->kind == SK_D) {
            int p = k->port;
            struct pair *pr = &s->pairs[p / 2];
            struct port *pt = &s->ports[p];
            pt->d = NULL; /* this end hears nothing more; the peer sees its link and line go */
            if (pr->est) {
                pr->est = 0;
                d_up(s, p ^ 1, MI_DL_RELEASE_IND, NULL, 0, 0);
            }
            if (pr->l1) {
                pr->l1 = 0;
                l1_ind(s, p ^ 1, 0);
            }
            pt->tei = -1; /* faults set on the port (drop, delay) stay */
            pt->ces = 0;
        } else if (k->kind == SK_B) {
            struct bchan *b = &s->ports[k->port].b[k->ts];
            b_reset(b);
            b->sock = NULL;
        }
        g_reg[fd] = NULL;
        close(k->far);
        free(k);
    }
    pthread_mutex_unlock(&g_lock);
}

int sim_fault(struct sim *s, int fault, int port, int a, int b)
{
    int r = 0;
    if (port < 0 || port >= s->nports)
        return -ENODEV;
    pthread_mutex_lock(&g_lock);
    switch (fault) {
    case SIM_FAULT_UNPLUG:
        if (s->pairs[port / 2].plugged) {
            s->pairs[port / 2].plugged = 0;
            pair_down(s, port / 2);
        }
        break;
    case SIM_FAULT_REPLUG:
        s->pairs[port / 2].plugged = 1;
        break;
    case SIM_FAULT_DROP_D:
        s->ports[port].drop = a < 0 ? 0 : a;
        break;
    case SIM_FAULT_DELAY_D:
        s->ports[port].delay_ns = a <= 0 ? 0 : (uint64_t)a * 1000000ull;
        break;
    case SIM_FAULT_OVERRUN_B:
        if (!ts_valid(s, a))
            r = -EINVAL;
        else
            s->ports[port].b[a].overrun = b < 0 ? 0 : b;
        break;
    default:
        r = -EINVAL;
    }
    pthread_mutex_unlock(&g_lock);
    return r;
}
