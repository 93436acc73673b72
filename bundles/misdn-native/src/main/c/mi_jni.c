/*
 * mi_jni.c - the JNI bridge to mISDN sockets (PF 34) and to the simulated card.
 *
 * Stateless: every call returns >= 0 or -errno, Java owns every state machine, and native code
 * never calls back into Java. A simulated socket is recognised by its fd (mi_sim.c keeps the
 * registry) and served by the simulator; anything else goes to the kernel.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <jni.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mi_abi.h"
#include "mi_sim.h"
#include "org_strowger_misdn_card_internal_Native.h"

#define IOCTL_ARG_MAX 64
#define POLL_STACK 64

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_open(JNIEnv *env, jclass cls, jint type, jint proto)
{
    int fd = socket(MI_AF_ISDN, type | SOCK_CLOEXEC, proto);
    (void)env;
    (void)cls;
    return fd < 0 ? -errno : fd;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_bind(JNIEnv *env, jclass cls, jint fd, jint dev,
                                                                         jint channel, jint sapi, jint tei)
{
    int handled, r;
    struct mi_sockaddr a;
    (void)env;
    (void)cls;
    r = sim_bind(fd, dev, channel, sapi, tei, &handled);
    if (handled)
        return r;
    a.family = MI_AF_ISDN;
    a.dev = (uint8_t)dev;
    a.channel = (uint8_t)channel;
    a.sapi = (uint8_t)sapi;
    a.tei = (uint8_t)tei;
    return bind(fd, (struct sockaddr *)&a, sizeof a) < 0 ? -errno : 0;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_ioctl(JNIEnv *env, jclass cls, jint fd,
                                                                          jint request, jbyteArray arg)
{
    uint8_t buf[IOCTL_ARG_MAX];
    jsize len = arg ? (*env)->GetArrayLength(env, arg) : 0;
    int handled, r;
    (void)cls;
    if (len > IOCTL_ARG_MAX)
        return -EINVAL;
    memset(buf, 0, sizeof buf);
    if (len > 0)
        (*env)->GetByteArrayRegion(env, arg, 0, len, (jbyte *)buf);
    r = sim_ioctl(fd, (unsigned int)request, buf, &handled);
    if (!handled)
        r = ioctl(fd, (unsigned long)(unsigned int)request, buf) < 0 ? -errno : 0;
    if (r >= 0 && len > 0)
        (*env)->SetByteArrayRegion(env, arg, 0, len, (const jbyte *)buf);
    return r;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_close(JNIEnv *env, jclass cls, jint fd)
{
    (void)env;
    (void)cls;
    sim_forget(fd);
    return close(fd) < 0 ? -errno : 0;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_send(JNIEnv *env, jclass cls, jint fd,
                                                                         jbyteArray frame, jint len, jint dev,
                                                                         jint channel)
{
    uint8_t buf[MI_MAX_DATA_MEM];
    int handled, r;
    (void)cls;
    if (len < MI_HEADER_LEN || len > MI_MAX_DATA_MEM || len > (*env)->GetArrayLength(env, frame))
        return -EINVAL;
    (*env)->GetByteArrayRegion(env, frame, 0, len, (jbyte *)buf);
    r = sim_send(fd, buf, len, &handled);
    if (handled)
        return r;
    if (channel >= 0) {
        struct mi_sockaddr a = { MI_AF_ISDN, (uint8_t)dev, (uint8_t)channel, 0, 0 };
        r = (int)sendto(fd, buf, (size_t)len, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
    } else {
        r = (int)send(fd, buf, (size_t)len, MSG_DONTWAIT | MSG_NOSIGNAL);
    }
    return r < 0 ? -errno : r;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_recv(JNIEnv *env, jclass cls, jint fd,
                                                                         jbyteArray frame)
{
    /* a kernel frame is read after room for the address; a simulated one carries it already */
    uint8_t buf[MI_FRAME_PAYLOAD + MI_MAX_DATA_MEM];
    struct mi_sockaddr a;
    struct sockaddr_storage from;
    socklen_t alen = sizeof from;
    jsize cap = (*env)->GetArrayLength(env, frame);
    ssize_t n;
    int total;
    (void)cls;
    n = recvfrom(fd, buf + MI_FRAME_HEAD, sizeof buf - MI_FRAME_HEAD, MSG_DONTWAIT, (struct sockaddr *)&from, &alen);
    if (n < 0)
        return -errno;
    if (n == 0)
        return 0;
    if (alen == sizeof a && from.ss_family == MI_AF_ISDN) {
        memcpy(&a, &from, sizeof a);
        memset(buf, 0, MI_FRAME_HEAD);
        memcpy(buf + MI_FRAME_ADDR, &a, sizeof a);
        total = (int)n + MI_FRAME_HEAD;
    } else {
        memmove(buf, buf + MI_FRAME_HEAD, (size_t)n);
        total = (int)n;
    }
    if (total > cap)
        return -ENOSPC;
    (*env)->SetByteArrayRegion(env, frame, 0, total, (const jbyte *)buf);
    return total;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_poll(JNIEnv *env, jclass cls, jintArray fds,
                                                                         jint n, jint wakeFd, jint timeoutMs,
                                                                         jshortArray revents)
{
    struct pollfd stack[POLL_STACK];
    struct pollfd *pf = stack;
    jint *ids;
    jshort *rev;
    int r;
    (void)cls;
    if (n < 0 || n > (*env)->GetArrayLength(env, fds) || n + 1 > (*env)->GetArrayLength(env, revents))
        return -EINVAL;
    if (n + 1 > POLL_STACK) {
        pf = calloc((size_t)n + 1, sizeof *pf);
        if (!pf)
            return -ENOMEM;
    }
    ids = malloc(((size_t)n + 1) * sizeof *ids);
    rev = malloc(((size_t)n + 1) * sizeof *rev);
    if (!ids || !rev) {
        r = -ENOMEM;
        goto out;
    }
    (*env)->GetIntArrayRegion(env, fds, 0, n, ids);
    for (int i = 0; i < n; i++) {
        pf[i].fd = ids[i];
        pf[i].events = POLLIN;
        pf[i].revents = 0;
    }
    pf[n].fd = wakeFd;
    pf[n].events = POLLIN;
    pf[n].revents = 0;
    r = poll(pf, (nfds_t)n + 1, timeoutMs);
    if (r < 0) {
        r = errno == EINTR ? 0 : -errno;
        memset(rev, 0, ((size_t)n + 1) * sizeof *rev);
    } else {
        for (int i = 0; i <= n; i++)
            rev[i] = pf[i].revents;
        if (pf[n].revents & POLLIN) {
            uint64_t count;
            if (read(wakeFd, &count, sizeof count) < 0) {
                /* EAGAIN: someone else drained it; nothing to do */
            }
        }
    }
    (*env)->SetShortArrayRegion(env, revents, 0, n + 1, rev);
out:
    free(ids);
    free(rev);
    if (pf != stack)
        free(pf);
    return r;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_eventFd(JNIEnv *env, jclass cls)
{
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    (void)env;
    (void)cls;
    return fd < 0 ? -errno : fd;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_wake(JNIEnv *env, jclass cls, jint efd)
{
    uint64_t one = 1;
    (void)env;
    (void)cls;
    return write(efd, &one, sizeof one) < 0 ? -errno : 0;
}

JNIEXPORT jlong JNICALL Java_org_strowger_misdn_card_internal_Native_simCreate(JNIEnv *env, jclass cls, jint pairs,
                                                                               jboolean primaryRate, jint tickMicros)
{
    struct sim *s = sim_create(pairs, primaryRate == JNI_TRUE, tickMicros);
    (void)env;
    (void)cls;
    return s ? (jlong)(intptr_t)s : (jlong)-errno;
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_simOpen(JNIEnv *env, jclass cls, jlong sim,
                                                                            jint type, jint proto)
{
    (void)env;
    (void)cls;
    return sim_open((struct sim *)(intptr_t)sim, type, proto);
}

JNIEXPORT jint JNICALL Java_org_strowger_misdn_card_internal_Native_simFault(JNIEnv *env, jclass cls, jlong sim,
                                                                             jint fault, jint port, jint a, jint b)
{
    (void)env;
    (void)cls;
    return sim_fault((struct sim *)(intptr_t)sim, fault, port, a, b);
}

JNIEXPORT void JNICALL Java_org_strowger_misdn_card_internal_Native_simDestroy(JNIEnv *env, jclass cls, jlong sim)
{
    (void)env;
    (void)cls;
    sim_destroy((struct sim *)(intptr_t)sim);
}

JNIEXPORT jstring JNICALL Java_org_strowger_misdn_card_internal_Native_strerror(JNIEnv *env, jclass cls, jint err)
{
    char buf[128];
    (void)cls;
    return (*env)->NewStringUTF(env, strerror_r(err, buf, sizeof buf));
}
