// TEST ONLY — NOT J-LIS KEYS. Fixed RSA-2048 key pairs for the emulated My Number Card, committed
// so that fixtures are byte-exact and no key is generated at run time (cards.md §1.8). Their private
// halves are public by being in this repository: nothing signed by them proves anything about a
// real card. Production CA public keys are configuration (a TrustStore given to the reader), never
// code. The key ids start with "6", the JPKI test hierarchy (§1.8), so that evidence from an
// emulated card is recognisable as such ('test-hierarchy').
//
// The roles, as on a real card (myna-card src/ap/text.rs):
//   TEST_CA_KEY      the J-LIS CA: signs the card-verifiable certificate in EF 0004
//   TEST_ISSUER_KEY  the issuing municipality, certified by EF 0004: signs EF 0003 and EF 0007
//   TEST_CARD_KEY    the card's own key (EF 0013, public half in EF 0007): signs challenges.
//                    Every emulated card shares it; a real card has its own.
import { asciiBytes, concatBytes, toHex } from '../bytes.ts';
import type { TrustStore } from '../mynumber/trust-store.ts';

/** An RSA private key as JWK with its CRT parameters (RFC 7518 §6.3.2). */
export interface RsaPrivateJwk {
  readonly kty: 'RSA';
  readonly n: string;
  readonly e: string;
  readonly d: string;
  readonly p: string;
  readonly q: string;
  readonly dp: string;
  readonly dq: string;
  readonly qi: string;
}

// Key ids: 7 ASCII digits, 08 05, 3 ASCII digits, 4 zero bytes (cards.md §1.8).
function keyId(head: string, tail: string): Uint8Array {
  return concatBytes(asciiBytes(head), Uint8Array.of(0x08, 0x05), asciiBytes(tail), new Uint8Array(4));
}

/** 証明者鍵ID (issuer key id) of the emulated cards' EF 0004: the TEST CA. */
export const TEST_CA_KEY_ID = keyId('6000033', '001');
/** 被証明者鍵ID (subject key id) of the emulated cards' EF 0004: the TEST issuer. */
export const TEST_ISSUER_KEY_ID = keyId('6999990', '001');

/** TEST ONLY. The CA role. */
export const TEST_CA_KEY: RsaPrivateJwk = {
  kty: 'RSA',
  n: 'y1XTprIJoSY0TmBc2vzGc7Z7bDgFlUxwQJym8D-uH4ipR33RogdQLExC3d3G894a6URrQqmzRxe86H3eKZyq_W8EvamErZLqHkRppt4-UwFcVA-lxzBtYPulPAgfGBcR9hbaAzVkWQEOrkb8maRBy2NMnd_cruZg_K4lnZgRjXpNlr775BUQHBA3JmgQJNY8rN68dSdMB2678POe8dV8KVmK4bbSeWu9XU3YzXW2giVDdVUvVJGuq_Y5sVG_A-kwotYEZHnqXMy5u7vUHZGySSGNQ3fxdvQ_bzMBnLfiBD1bBbWixyOhaQxESduKtUOqSS_LrDEDamxZ0T6lhXCgow',
  e: 'AQAB',
  d: 'A9BlyUFf_Gd3IRexyx5lUaTyjgi5wD0Z-LOtsVeEJDxcPXBeW0kCcqwdr77xTR3mlQTLTB1a7-r8w3RF4lEqsSetQwMIAxYaKfnLT2PpNCNi7yBrFvPzq767a-AA-GLw24oqp6YjH3_3MWCbWIdcnYFbjxfIRgL6Q4WQa9WmeRlAfES4PnJC17OJiVByW-H9CHJVAb98tCW81epRwz8YyrEXvIEpPPsSOe57ciC4EAEKMrTbAFP9vvM8SkZmQia2GM36FZPM8ycjbvv1rzASCNH_BrtbJ-55dYz-wEWD2X4LPIA97UevA2UhDVT68V5PYcFlG33VEROouG5Krx694Q',
  p: '5YZ7X6md-8RbFJVsNCee-imYRCzt2vhh4FbN1a-6WSd9x6GUJ0gkUyojkhiR80mZ9L-ZgpNCNcP6xz71RdM9bbPZfiNXaUlJfwXaPT-yOTruceEI2J6n0cFLnwfjHcXKVdMHAQXP_ZT-vydT3SHlAWvOitltVgch1yISPFBHS3E',
  q: '4sn-diomEz7APBl8RZT841VSHgvbouPVybeTBdo8Yl_duVap29hCylA8fcf3UHAsRcarilsooHQOcZJNwMK055sUVfhFrzBL47_sYATVjxKEtTEUb8zjzpK4mEDuoMrUhUCyALxEBj-z-gqz9iIgbf9KY_4f2Lz9mOp9SHmiW1M',
  dp: 'MGotnAArUvAYRj8-k8HHxvz_IWJYydeazbeBs5FdvXCXF4T9u0t8Xg6Fcku8fZUI5JeFygVF8hFk1KJzGkd0ra9CMVlDFvJejmytnD3TWj8UDPFq7EaLH7OmP-VqAt210GSzFYQkW1kSYz_ocLy1kZcr-h3i8kKO4NJPBmnooAE',
  dq: 'm9pQ4wfILsWa-jJRcsgWmmwSCNABWonUa9GaWhVGFhznlOz3wjt2eu51A8OeNEtCQZlsXaKT4uCe5HG0uVmVVO0AJqx9xw0buiI04S-xS6dgR9y4vLRDgbzW2tsUoq-BKSnyqgq3fMvedWFRlz6QpscgamNDo4ENjj7nZh0g9D0',
  qi: 'o_kdCHv1Vi2tp3J5Mfo2uryP-2Wy_g-ZtO4PNUbm4SsufeQ7vsU1U8bvWiiQ5Oz94PlZ7Ts0Kp4w25kKkQn-fkh2jnRvpAky0FYvALEpmkALbtYa3LZp4olgF60mIANlMQmpebMJktRYC44lMTsZ_lwT7zY_G_cep6PTVCB-NI0',
};

/** TEST ONLY. The issuing municipality role. */
export const TEST_ISSUER_KEY: RsaPrivateJwk = {
  kty: 'RSA',
  n: '8e-0KLJdtHX69AHaYDxgchm53Ih31vBfGPjA-75OA80Eul2r3b18IYWe-y4jbQo_2WfVdi-eVovkpw-jJ08W-BBQUapVl_49mp9eahrsSfJ2JZqVn91B_9nORhOcmHftAQrpwNdlgu2VZxWyFMqEdTQR_v8Y4YWXmBT8e0F2ijoBivmOKoA7sW9pYm_m8wanEzf86uw6GUmTt_EfQzoB2zjsCXFVJVVole_zfcCBhyFROkQp59UlLtgI96-GKWS0wt9gDrqgAGhp32Fa3D12nevMd8lv0EwWky9ZMLdj5DE1njUw1eBGCPNMNMbHDzUk1LLFCI_oCxH6xl2_GVf1UQ',
  e: 'AQAB',
  d: 'PeUry6-aPoVifxOMSUuZBwfi33NAaYpUYgCd6qnMrrdASueVBSUpgS_8tNkgchCJtjaUy2gyU4T1qfHbtT5MK4mM6t-vhzOhkhHMp0udAOwZYtRyDBSggnK4DYCN8wnXZgljNRVGIKFktBs-VIhdK9j286xSsrupRVy1HVlpmMHv9NLoMKj4JQRPi--SEoqWFqfMo6A7h5c4JPZpctMZk6jwT1ohC_R4kVp48rztT2Eqr0x3FUKwTOBDqoT-js3Iq78jejgaTJRGZrMjpEFQRk_PMap6tWgbk8l36KFUZV8LcMRsahdch18aFAk5RQZrnm9D2AM9uZWEmgzErLamcw',
  p: '-hTYAxnlfupHe9ob5gRaufra6cpVsvXfaXXD9boVntQwai5kBXX7vylIMNWh3uR-mW2_NXGZ1PzHrK82ehiK_UJlp7jw3zqnmWBC5tgMpZNLYeJ9o4moKLq63Ylo1ICyD2zi7927uwOQQxqq_9KUWGgzj1CfW6wIqmhWnPVwBws',
  q: '96mDAn6O8_084goIWQ-E-WABWiKBk7reAQAIQH0EpxVBcbCB07ncw8nK9RfXbA2fZWUmJ4QywRr9_eVyPmq7LCcuKQbZOELknKE0knSwov9PtO0UdYOiIqFnUYyNgRgf2nyJRW1waR0awz8Nw8RexHyD8Fd2zQ0rnpg51EF1_pM',
  dp: 'uxybXv6iSqpp384ab6i0ZVC_OIuuQV9b0KFPhGy9vn_O1bNuHPPg72-o1vkQyx-1ZYDKvucHjWew0pCqNwJkBAgI3Uwv1SYivkxa4jOmisBBd7SqApF9ozPLmvQz3kOIdqgmyAfkbZHF_59VcGGTou4cHc_Z3BJEzZORspClSG8',
  dq: 'Da8C-w9NDLQQOhj9zxXpbfHdAULoz-XCQGHlEtMVf7nP7N0ovy8EwJiUqygPEfxKs0p8ajCGsV6xa-bSghpZjx33EfM76zze7ryFcBYccFUU7VUwDTIhsjIiyEGwy9IuaF77IqfiTxx5jxIby5Y8-jQ7AfuDJ98zasbUYyLexxs',
  qi: 'C6LbeJEsfb5GDPX9ywuEg5ddZBQ8IubJqQaA1K5MFxXJdtcBvGB_jGWPxF2V4U-ZtpqrJJQLbH3MB94vHhKSIPsOrQO7yoABdNHvXgLwVolSNvy0IakI1u1sSYJuUDGnJN7uQNA3DB5Yl992VxW00TGNjs8X8wqYao2RPVO6ayE',
};

/** TEST ONLY. The card's own signing key. */
export const TEST_CARD_KEY: RsaPrivateJwk = {
  kty: 'RSA',
  n: '7j8w2jUVbcmEGIO-RukQsNnIDRVy8wwVs92UpgcCFwCzivGZmnPPbU-5Xi5gR5BRqIhv2TMAjjQiIHyRw_0IVzfAvBi3FIbmD6OkwMfL35jsjf1YsjgKKxWGd2UrRZQLy4ZlBq7Gg64LYu0CMU_unYkoovGJf5Ge3e41zm33KgrGbK6WrsEiUK1WXQ8RCGpKG5XMySyr9FfPx45FmOkkHopB7csobTHx_wWNjBU3Kpc6rfnbHjQ9wA68M9dBWx0KRG5fSfJhjGzTg90USQc4vGjgnvZFEnYd5tX49h7p2AF_hAmK74CVprGy6lYW_Z1tTzNqA2Nwsabv8zjR5nzZiQ',
  e: 'AQAB',
  d: 'SZZuDfAYgtUb_oBuvLNPSvixgE0QOL8SUwCNYezHOfim_DMcqSa9OnvF-y-i4GfUuRQPTAyjTskOg29GjL0yntHjL5YIsofqNolqoXr030b6Re8rPrztcxpOcsFmaLLOI9qKiNJiEZkn_jHLnBSe1LzhNtcZC7ScV9s0dmLj1XFu8-EEp1me27MhOdm9j-hiHpf5SS-5FV9T1Pb2kDxNOyD00kszcSJuQpSJqr40H5Lnq9BcGc11pcRXGsix3F4JNK00PgAQp_ibzJESFXUWSkFMZ-JieP91QBlfo7dQibm8UnukKL-E8cbpi8tk__NpkWqqPjUGyRZFm4NLKxOv6w',
  p: '_Y9dB1QdnAwmZXjgVCtDUG33QlekM_vs4-e4i1zjCAnfsmBuF-W4vCDnfYS15jDKdxWMnxuXJbDyNDuliahg8jlzLkkphk0RF7OSeQoqGXZQF_YvgkTOpoLZy8NCUCHKFDyFHFfrVT4Jg-_vo9MgTwTB_xzMXFm98dxJEHL1Rls',
  q: '8IoanB2_ei-ijk-Vsf-fFI16BM3g_ejyEtqe52MIwNYBie13GECG_yH9AElWxNQMme2geTLyy3FU9k9ew10rM0F9TSBsMt6R8ksRHOE5yZUBKGei2KOnzgAgHyWowJMPxwpvNYgjoa7kWiuQmPMnhobXLUmvm5XYrqVgiuhrDOs',
  dp: 'p-HENpX7BNcGlSjzXsdGSnqEu-hLUB_9OOizx5I4v5nKAtDWE_yF1An1O6YiycaER1R9Rtt9t_bwZqUXdY2Gotpm6L6IP-PG7Wp4EKwqM7GiVjsqOZZVPOpmSgN-ZI_6vGtVtu5_YnEw26qBgHbJbYg46jCnHn5MxVaVCc8TlwE',
  dq: 'q9A5yaGGD-TOnBBEwOvx2WBk8-GLAFLP9p-qOWUH75Xta3PvSadtxfelG_tGuzkr9xdBNNErlB3TrkxrR-jY3re8pMawAnXwkb0E8DgAavi_5vh_3XaoegCk8RqZO1TQREAzx20C5o5iFfZgRqAIb5MJSBQGF4AlUjpWh2IUdRk',
  qi: 'q_XampQ4Kn_locf7op8F1mZu0iUqXMReZqPR4jR_Us8BcFnvkT3boMjusGt2iSjJSV-e73jkw8tNDNrJ-MpYoGh_p9sJnOBgIsFoH_S9liLYSJagboMXEzDcqK_OZXJ-641soNFluys-GeW4gIaC4zDgYY91QIJQxfqZv3pwXis',
};

/** Trusts the emulated cards and nothing real. Demo mode and tests only, never production. */
export const EMULATOR_TRUST_STORE: TrustStore = {
  [toHex(TEST_CA_KEY_ID).replaceAll(' ', '')]: { kty: 'RSA', n: TEST_CA_KEY.n, e: TEST_CA_KEY.e },
};
