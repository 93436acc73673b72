/*
 * mi_sim.h - the simulated card: ports wired back to back in pairs, emulated at the level of
 * mISDN's service primitives (see mi_sim.c). Private to the native library.
 */
#ifndef STROWGER_MI_SIM_H
#define STROWGER_MI_SIM_H

#include <stdint.h>

struct sim;

/* fault kinds for sim_fault */
#define SIM_FAULT_UNPLUG 1
#define SIM_FAULT_REPLUG 2
#define SIM_FAULT_DROP_D 3    /* a = frames */
#define SIM_FAULT_DELAY_D 4   /* a = milliseconds, 0 stops */
#define SIM_FAULT_OVERRUN_B 5 /* a = B-channel (timeslot), b = sends */

/* Returns the card or NULL with errno set. */
struct sim *sim_create(int pairs, int primary_rate, int tick_us);
void sim_destroy(struct sim *s);

/* A new simulated socket (the near end of a socket pair): fd >= 0 or -errno. */
int sim_open(struct sim *s, int type, int proto);
int sim_fault(struct sim *s, int fault, int port, int a, int b);

/*
 * The calls below serve any fd: when fd is a simulated socket they do the work, set *handled
 * and return >= 0 or -errno; otherwise they clear *handled and the caller uses the kernel.
 */
int sim_bind(int fd, int dev, int channel, int sapi, int tei, int *handled);
int sim_ioctl(int fd, unsigned long request, void *arg, int *handled);
int sim_send(int fd, const uint8_t *frame, int len, int *handled);
/* Forgets fd (the caller then closes it). */
void sim_forget(int fd);

#endif
