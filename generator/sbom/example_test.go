package sbom_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/docgen/docgen/generator/sbom"
)

func Example() {
	b, err := sbom.Read("testdata/infusion-pump.cdx.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	// Support data from the device spec wins over the SBOM.
	unmatched := b.ApplyOverrides([]sbom.Override{
		{Purl: "pkg:github/Mbed-TLS/mbedtls", SupportLevel: "actively maintained", EndOfSupport: "2027-03-31"},
		{Purl: "pkg:generic/libpng", SupportLevel: "abandoned"},
	})
	fmt.Println("overrides matching nothing:", unmatched)
	for _, c := range b.Components {
		fmt.Printf("%s %s: %s until %s (%s)\n", c.Name, c.Version, c.SupportLevel, c.EndOfSupport, c.SupportSource)
	}
	// Output:
	// overrides matching nothing: [1]
	// ip-300-firmware 4.2.0: actively-maintained until 2034-12-31 (property:cdx:fda:supportLevel)
	// zephyr 3.7.1: actively-maintained until 2027-07-31 (property:support-level)
	// mbedtls 3.6.2: actively-maintained until 2027-03-31 (spec)
	// tinycbor 0.6.0: abandoned until  (property:cdx:fda:supportLevel)
}

func ExampleParse_invalid() {
	_, err := sbom.Parse("sbom.json", []byte(`{"bomFormat":"CycloneDX","specVersion":"1.6",
		"components":[{"type":"libary","name":"zlib"}]}`))
	var ve *sbom.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p.Pointer, p.Rule)
		}
	}
	// Output:
	// /components/0/type enum
}

func ExampleSummary_WriteText() {
	b, err := sbom.Read("testdata/infusion-pump.spdx23.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := sbom.Summarize(b, time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC))
	if err := s.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// SPDX 2.3 SBOM (JSON)
	//   Describes              ip-300-firmware 4.2.0
	//   Serial number          https://sbom.vitaflow.example/spdx/ip-300-fw-4.2.0-7d1c9e
	//   Components             3: library 2, operating-system 1
	//
	// NTIA minimum elements
	//   Author of SBOM data    present
	//   Timestamp              2026-09-30T08:15:00Z
	//   Supplier name          2 of 3 components (1 missing)
	//                          missing in: mcuboot 2.1.0
	//   Component name         3 of 3 components
	//   Version                3 of 3 components
	//   Unique identifier      2 of 3 components (1 missing)
	//                          missing in: mcuboot 2.1.0
	//   Dependency relation    3 of 3 components
	//   Some minimum elements are missing; the FDA expects all of them for every component.
	//
	// Licences
	//   With licence           3 of 3 components
	//   Most used              Apache-2.0 2, Apache-2.0 OR GPL-2.0-or-later 1
	//
	// Support (FDA: level of support and end-of-support date per component)
	//   Support level          0 of 3 components (3 missing)
	//   End of support         1 of 3 components (2 missing)
	//   Past end of support    1 on 2027-08-01
	//                          zephyr 3.7.1 (2027-07-31)
	//
	// Vulnerabilities: none listed
}
