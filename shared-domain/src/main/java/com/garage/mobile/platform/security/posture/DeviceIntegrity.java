package com.garage.mobile.platform.security.posture;

/** The platform integrity service's verdict on the device, strongest first. */
public enum DeviceIntegrity {
    /** Genuine device with hardware-backed proof and a recent security patch. */
    STRONG,
    /** Genuine, unmodified device. */
    DEVICE,
    /** Passes basic checks only: may be rooted, jailbroken or have an unlocked bootloader. */
    BASIC,
    /** Rooted, jailbroken, emulated or tampered with. */
    COMPROMISED
}
