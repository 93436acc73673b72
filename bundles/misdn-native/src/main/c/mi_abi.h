/*
 * mi_abi.h - the mISDN socket ABI (1.1.29), restated by hand.
 *
 * Debian's linux-libc-dev ships no mISDNif.h (it never was UAPI), so every constant the bridge
 * and the simulated card need is defined here; values as in docs/misdn.md section 2. Private
 * to the native library: Java has its own copy of the few it uses (MiAbi.java).
 */
#ifndef STROWGER_MI_ABI_H
#define STROWGER_MI_ABI_H

#include <stdint.h>

#define MI_AF_ISDN 34

/* protocols (socket(34, type, proto)) */
#define MI_PROTO_BASE 0x00
#define MI_PROTO_TE_S0 0x01
#define MI_PROTO_NT_S0 0x02
#define MI_PROTO_TE_E1 0x03
#define MI_PROTO_NT_E1 0x04
#define MI_PROTO_TE_UP0 0x05
#define MI_PROTO_NT_UP0 0x06
#define MI_PROTO_LAPD_TE 0x10
#define MI_PROTO_LAPD_NT 0x11
#define MI_PROTO_B_RAW 0x21
#define MI_PROTO_B_HDLC 0x22
#define MI_PROTO_B_X75SLP 0x23
#define MI_PROTO_B_L2DTMF 0x24
#define MI_PROTO_B_L2DSP 0x25
#define MI_PROTO_B_L2DSPHDLC 0x26

/* protocol masks in mISDN_devinfo */
#define MI_DPROTO_MASK(p) (1u << (p))
#define MI_BPROTO_MASK(p) (1u << ((p) & 0x1f))

/* lengths and limits */
#define MI_HEADER_LEN 8
#define MI_MAX_DATA_SIZE 2048
#define MI_MAX_DATA_MEM (MI_MAX_DATA_SIZE + MI_HEADER_LEN) /* 2056 */
#define MI_MAX_DFRAME_LEN 260
#define MI_MAX_DEVICE_ID 63
#define MI_MAX_IDLEN 20
#define MI_ID_ANY 0xFFFFu
#define MI_ID_NONE 0xFFFEu
#define MI_GROUP_TEI 127
#define MI_TEI_SAPI 63
#define MI_SOL_MISDN 0
#define MI_TIME_STAMP 1

/* primitives: (command << 8) | layer */
#define MI_PH_ACTIVATE_REQ 0x0101u
#define MI_PH_ACTIVATE_IND 0x0102u
#define MI_PH_ACTIVATE_CNF 0x4102u
#define MI_PH_DEACTIVATE_REQ 0x0201u
#define MI_PH_DEACTIVATE_IND 0x0202u
#define MI_PH_DEACTIVATE_CNF 0x4202u
#define MI_PH_DATA_REQ 0x2001u
#define MI_PH_DATA_IND 0x2002u
#define MI_PH_DATA_CNF 0x6002u
#define MI_PH_CONTROL_REQ 0x0801u
#define MI_PH_CONTROL_IND 0x0802u
#define MI_PH_CONTROL_CNF 0x4802u
#define MI_MPH_ACTIVATE_REQ 0x0501u
#define MI_MPH_ACTIVATE_IND 0x0502u
#define MI_MPH_DEACTIVATE_IND 0x0602u
#define MI_MPH_INFORMATION_REQ 0x0701u
#define MI_MPH_INFORMATION_IND 0x0702u
#define MI_DL_ESTABLISH_REQ 0x1004u
#define MI_DL_ESTABLISH_IND 0x1008u
#define MI_DL_ESTABLISH_CNF 0x5008u
#define MI_DL_RELEASE_REQ 0x1104u
#define MI_DL_RELEASE_IND 0x1108u
#define MI_DL_RELEASE_CNF 0x5108u
#define MI_DL_DATA_REQ 0x3004u
#define MI_DL_DATA_IND 0x3008u
#define MI_DL_UNITDATA_REQ 0x3104u
#define MI_DL_UNITDATA_IND 0x3108u
#define MI_DL_INFORMATION_REQ 0x0004u
#define MI_DL_INFORMATION_IND 0x0008u

/* DL_INFORMATION_IND payload */
#define MI_L2_CONNECT 1
#define MI_L2_REMOVED 2

/* ioctls, _IOR('I', n, ...) as on x86-64 */
#define MI_IMADDTIMER 0x80044940u
#define MI_IMDELTIMER 0x80044941u
#define MI_IMGETVERSION 0x80044942u
#define MI_IMGETCOUNT 0x80044943u
#define MI_IMGETDEVINFO 0x80044944u
#define MI_IMCTRLREQ 0x80044945u
#define MI_IMCLEAR_L2 0x80044946u
#define MI_IMSETDEVNAME 0x80184947u
#define MI_IMHOLD_L1 0x80044948u

/* IMCTRLREQ operations */
#define MI_CTRL_GETOP 0x0000
#define MI_CTRL_LOOP 0x0001
#define MI_CTRL_CONNECT 0x0002
#define MI_CTRL_DISCONNECT 0x0004
#define MI_CTRL_RX_BUFFER 0x0008
#define MI_CTRL_PCMCONNECT 0x0010
#define MI_CTRL_PCMDISCONNECT 0x0020
#define MI_CTRL_SETPEER 0x0040
#define MI_CTRL_UNSETPEER 0x0080
#define MI_CTRL_RX_OFF 0x0100
#define MI_CTRL_FILL_EMPTY 0x0200
#define MI_CTRL_GETPEER 0x0400
#define MI_CTRL_L1_TIMER3 0x0800
#define MI_CTRL_HW_FEATURES 0x2001

/* ABI version reported by IMGETVERSION */
#define MI_VERSION_MAJOR 1
#define MI_VERSION_MINOR 1
#define MI_VERSION_RELEASE 29

struct mi_head {
    uint32_t prim;
    uint32_t id;
} __attribute__((packed));

struct mi_sockaddr {
    uint16_t family;
    uint8_t dev;
    uint8_t channel;
    uint8_t sapi;
    uint8_t tei;
};

struct mi_version {
    uint8_t major;
    uint8_t minor;
    uint16_t release;
};

struct mi_devinfo {
    uint32_t id;
    uint32_t Dprotocols;
    uint32_t Bprotocols;
    uint32_t protocol;
    uint8_t channelmap[16];
    uint32_t nrbchan;
    char name[MI_MAX_IDLEN];
};

struct mi_devrename {
    uint32_t id;
    char name[MI_MAX_IDLEN];
};

struct mi_ctrl_req {
    int op;
    int channel;
    int p1;
    int p2;
};

_Static_assert(sizeof(struct mi_head) == 8, "mISDNhead is 8 bytes");
_Static_assert(sizeof(struct mi_sockaddr) == 6, "sockaddr_mISDN is 6 bytes");
_Static_assert(sizeof(struct mi_version) == 4, "mISDNversion is 4 bytes");
_Static_assert(sizeof(struct mi_devinfo) == 56, "mISDN_devinfo is 56 bytes");
_Static_assert(sizeof(struct mi_ctrl_req) == 16, "mISDN_ctrl_req is 16 bytes");
_Static_assert(sizeof(struct mi_devrename) == 24, "mISDN_devrename is 24 bytes");

/*
 * The frame layout miRecv hands to Java, for kernel and simulated sockets alike:
 * [0..5] sockaddr_mISDN, [6..7] padding, [8..15] mISDNhead, [16..] payload.
 */
#define MI_FRAME_ADDR 0
#define MI_FRAME_HEAD 8
#define MI_FRAME_PAYLOAD 16
#define MI_FRAME_MAX (MI_FRAME_PAYLOAD + MI_MAX_DATA_SIZE)

#endif
