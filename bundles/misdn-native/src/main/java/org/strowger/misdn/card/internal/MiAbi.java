package org.strowger.misdn.card.internal;

/** The few mISDN ABI constants the Java side uses (the native mi_abi.h holds them all). */
final class MiAbi {

    private MiAbi() {
    }

    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;

    static final int PROTO_BASE = 0x00;
    static final int PROTO_TE_S0 = 0x01;
    static final int PROTO_NT_S0 = 0x02;
    static final int PROTO_TE_E1 = 0x03;
    static final int PROTO_NT_E1 = 0x04;
    static final int PROTO_LAPD_TE = 0x10;
    static final int PROTO_LAPD_NT = 0x11;
    static final int PROTO_B_RAW = 0x21;

    static final int HEADER_LEN = 8;
    static final int MAX_DATA_SIZE = 2048;
    static final int MAX_DFRAME_LEN = 260;
    static final int MAX_DEVICE_ID = 63;
    static final int GROUP_TEI = 127;
    static final int ID_ANY = 0xFFFF;

    static final int FRAME_HEAD = 8;
    static final int FRAME_PAYLOAD = 16;
    static final int FRAME_MAX = FRAME_PAYLOAD + MAX_DATA_SIZE + HEADER_LEN;

    static final int PH_ACTIVATE_REQ = 0x0101;
    static final int PH_ACTIVATE_IND = 0x0102;
    static final int PH_ACTIVATE_CNF = 0x4102;
    static final int PH_DEACTIVATE_REQ = 0x0201;
    static final int PH_DEACTIVATE_IND = 0x0202;
    static final int PH_DEACTIVATE_CNF = 0x4202;
    static final int PH_DATA_REQ = 0x2001;
    static final int PH_DATA_IND = 0x2002;
    static final int PH_DATA_CNF = 0x6002;
    static final int MPH_ACTIVATE_IND = 0x0502;
    static final int MPH_DEACTIVATE_IND = 0x0602;
    static final int DL_ESTABLISH_REQ = 0x1004;
    static final int DL_ESTABLISH_IND = 0x1008;
    static final int DL_ESTABLISH_CNF = 0x5008;
    static final int DL_RELEASE_REQ = 0x1104;
    static final int DL_RELEASE_IND = 0x1108;
    static final int DL_RELEASE_CNF = 0x5108;
    static final int DL_DATA_REQ = 0x3004;
    static final int DL_DATA_IND = 0x3008;
    static final int DL_UNITDATA_REQ = 0x3104;
    static final int DL_UNITDATA_IND = 0x3108;
    static final int DL_INFORMATION_IND = 0x0008;

    static final int IMGETVERSION = 0x80044942;
    static final int IMGETCOUNT = 0x80044943;
    static final int IMGETDEVINFO = 0x80044944;

    static final int POLLIN = 0x001;
    static final int POLLERR = 0x008;
    static final int POLLHUP = 0x010;
    static final int POLLNVAL = 0x020;

    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int ENODEV = 19;
    static final int EBUSY = 16;
    static final int EINVAL = 22;
    static final int EPROTONOSUPPORT = 93;
    static final int ESOCKTNOSUPPORT = 94;
    static final int EAFNOSUPPORT = 97;

    /** Simulator faults, as mi_sim.h. */
    static final int FAULT_UNPLUG = 1;
    static final int FAULT_REPLUG = 2;
    static final int FAULT_DROP_D = 3;
    static final int FAULT_DELAY_D = 4;
    static final int FAULT_OVERRUN_B = 5;
}
